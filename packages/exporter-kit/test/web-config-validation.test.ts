import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebConfigError, loadWebConfig } from '../src/web-config.js';
import { parseGoDuration as parseDurationOrThrow } from '../src/flags/duration.js';
import { makePki } from './web-config-fixtures.js';
import type { Pki } from './web-config-fixtures.js';

let pki: Pki;
let dir: string;
const hash = bcrypt.hashSync('secret', 4);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(file: string): string {
  try {
    loadWebConfig(file);
  } catch (err) {
    expect(err).toBeInstanceOf(WebConfigError);
    expect((err as Error).name).toBe('WebConfigError');
    return (err as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

beforeAll(() => {
  pki = makePki();
  dir = mkdtempSync(join(tmpdir(), 'webcfg-'));
});

describe('loadWebConfig rejects bad files with a message naming the problem', () => {
  const tls = (extra: string): string => `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.serverKey}\n${extra}`;
  const cases: Array<[string, () => string, RegExp]> = [
    ['unknown top-level key with its line', () => '# comment\nbasic_auth_users: {}\ntls_server_confg:\n  cert_file: x\n',
      /^--web\.config\.file: unknown key 'tls_server_confg' \(line 3\); expected one of: tls_server_config, /],
    ['unknown nested key with its line', () => tls('  client_auth: RequireAndVerifyClientCert\n'),
      /unknown key 'client_auth' \(line 4\) in tls_server_config; expected one of: .*client_auth_type/],
    ['unknown key in rate_limit', () => 'rate_limit:\n  interval: 1s\n  brust: 3\n', /unknown key 'brust' \(line 3\) in rate_limit; expected one of: interval, burst$/],
    ['top level not a mapping', () => 'junk\n', /the file must be a mapping/],
    ['broken YAML', () => 'basic_auth_users:\n  a: [\n', /invalid YAML: .*\(line \d+\); fix the YAML syntax/],
    ['duplicate key', () => 'rate_limit: {}\nrate_limit: {}\n', /invalid YAML: Map keys must be unique \(line 2\)/],
    ['unknown TLS version', () => tls('  min_version: TLS14\n'), /unknown TLS version 'TLS14'; use one of: TLS10, TLS11, TLS12, TLS13 \(line 4\)/],
    ['min above max', () => tls('  min_version: TLS13\n  max_version: TLS12\n'), /min_version TLS13 is above max_version TLS12/],
    ['unknown curve', () => tls('  curve_preferences: [CurveP256, CurveP999]\n'), /unknown curve 'CurveP999'; use one of: CurveP256, CurveP384, CurveP521, X25519/],
    ['unknown cipher', () => tls('  cipher_suites: [TLS_RSA_WITH_INVENTED_SHA]\n'), /unknown cipher 'TLS_RSA_WITH_INVENTED_SHA'/],
    ['insecure cipher Go does not accept', () => tls('  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n'), /unknown cipher 'TLS_RSA_WITH_RC4_128_SHA'/],
    ['cipher list without the HTTP/2 suite', () => tls('  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n'),
      /cipher_suites lacks the suite HTTP\/2 requires; add TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 .*http2: false/],
    ['bad client_auth_type', () => tls('  client_auth_type: VerifyEverything\n  client_ca_file: ' + pki.caCert + '\n'),
      /unknown client_auth_type 'VerifyEverything'; use one of: NoClientCert, .*RequireAndVerifyClientCert/],
    ['client CA without policy', () => tls(`  client_ca_file: ${pki.caCert}\n`), /client CA is configured without a client auth policy; set client_auth_type/],
    ['client_allowed_sans without a required cert', () => tls(`  client_ca_file: ${pki.caCert}\n  client_auth_type: VerifyClientCertIfGiven\n  client_allowed_sans: [a]\n`),
      /client_allowed_sans needs a client certificate on every connection; set client_auth_type to RequireAndVerifyClientCert/],
    ['TLS without cert', () => `tls_server_config:\n  key_file: ${pki.serverKey}\n`, /certificate is missing; set cert_file \(or cert\)/],
    ['TLS without key', () => `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ""\n`, /private key is missing; set key_file \(or key\)/],
    ['policy alone enables TLS and then needs a cert', () => 'tls_server_config:\n  client_auth_type: RequireAnyClientCert\n', /certificate is missing/],
    ['unreadable cert file', () => `tls_server_config:\n  cert_file: does-not-exist.crt\n  key_file: ${pki.serverKey}\n`,
      /cannot read cert_file '\/.*\/does-not-exist\.crt': file not found; fix the path \(relative paths are resolved against the directory/],
    ['unreadable CA file', () => tls('  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: nope/ca.pem\n'), /cannot read client_ca_file '.*nope\/ca\.pem': file not found/],
    ['CA file without certificates', () => tls(`  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ${pki.serverKey}\n`), /contains no PEM certificate/],
    ['key that does not belong to the cert', () => `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.clientKey}\n`,
      /cannot load the TLS certificate and key .*key values mismatch/],
    ['header not allowed', () => 'http_server_config:\n  headers:\n    X-Powered-By: scrapekit\n', /HTTP header 'X-Powered-By' can not be configured; allowed headers: Content-Security-Policy, /],
    ['header names are case-sensitive as in Go', () => 'http_server_config:\n  headers:\n    x-frame-options: deny\n', /HTTP header 'x-frame-options' can not be configured/],
    ['bad X-Frame-Options', () => 'http_server_config:\n  headers:\n    X-Frame-Options: allow-from\n', /invalid value 'allow-from' for header X-Frame-Options; use one of: deny, sameorigin \(line 3\)/],
    ['bad X-Content-Type-Options', () => 'http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n', /invalid value 'sniff' for header X-Content-Type-Options; use one of: nosniff/],
    ['http2 not a bool', () => 'http_server_config:\n  http2: maybe\n', /http_server_config\.http2 must be true or false \(line 2\)/],
    ['password in clear instead of a hash', () => 'basic_auth_users:\n  alice: alice123\n', /password of user 'alice' in basic_auth_users is not a bcrypt hash; generate one with `htpasswd -nBC 10/],
    ['truncated hash', () => `basic_auth_users:\n  alice: '${hash.slice(0, 40)}'\n`, /password of user 'alice' .* not a bcrypt hash/],
    ['bcrypt cost out of range', () => `basic_auth_users:\n  alice: '${hash.replace('$04$', '$03$')}'\n`, /not a bcrypt hash/],
    ['hash with something after it', () => `basic_auth_users:\n  alice: '${hash}x'\n`, /not a bcrypt hash/],
    ['hash with something before it', () => `basic_auth_users:\n  alice: 'x${hash}'\n`, /not a bcrypt hash/],
    ['bcrypt cost above 31', () => `basic_auth_users:\n  alice: '${hash.replace('$04$', '$32$')}'\n`, /not a bcrypt hash/],
    ['users not a mapping', () => 'basic_auth_users: [alice]\n', /basic_auth_users must be a mapping of user names to bcrypt hashes/],
    ['headers not a mapping', () => 'http_server_config:\n  headers: [X-Frame-Options]\n', /http_server_config\.headers must be a m/],
    ['bad interval', () => 'rate_limit:\n  interval: soon\n', /rate_limit\.interval 'soon' is not a duration; write it like "1s"/],
    ['negative interval', () => 'rate_limit:\n  interval: -1s\n', /rate_limit\.interval '-1s' is not a duration/],
    ['a bare number that is not whole nanoseconds', () => 'rate_limit:\n  interval: 1.5\n', /rate_limit\.interval must be a duration such as "1s" or 0/],
    ['a negative bare number', () => 'rate_limit:\n  interval: -5\n', /rate_limit\.interval must be a duration such as "1s" or 0/],
    ['negative burst', () => 'rate_limit:\n  interval: 1s\n  burst: -1\n', /rate_limit\.burst must not be negative/],
    ['list where a string belongs', () => 'tls_server_config:\n  cert_file: [a, b]\n', /cert_file must be a single value/],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const message = errorOf(write(`bad-${Math.random().toString(36).slice(2)}.yml`, text()));
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('never echoes a bcrypt hash or a private key in its message', () => {
    const inlineKey = `tls_server_config:\n  cert: "not a certificate"\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    c2VjcmV0\n    -----END PRIVATE KEY-----\n`;
    expect(errorOf(write('inline.yml', inlineKey))).not.toMatch(/c2VjcmV0/);
    expect(errorOf(write('hash.yml', `basic_auth_users:\n  a: '${hash.slice(0, 50)}'\n`))).not.toContain(hash.slice(7, 30));
  });

  it('names the path of a missing file', () => {
    expect(errorOf(join(dir, 'missing', 'web.yml'))).toBe(
      `--web.config.file: cannot read '${join(dir, 'missing', 'web.yml')}': file not found; check the path and its permissions`);
  });
});

describe('loadWebConfig: the exact one-line message for each reader failure', () => {
  const tlsHead = (): string => `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.serverKey}\n`;
  const cases: Array<[string, () => string, string]> = [
    ['burst that is a word', () => 'rate_limit:\n  interval: 1s\n  burst: many\n', 'rate_limit.burst must be an integer (line 3)'],
    ['burst with a fraction', () => 'rate_limit:\n  interval: 1s\n  burst: 1.5\n', 'rate_limit.burst must be an integer (line 3)'],
    ['burst beyond 2^53', () => 'rate_limit:\n  interval: 1s\n  burst: 1e20\n', 'rate_limit.burst must be an integer (line 3)'],
    ['burst that is a list', () => 'rate_limit:\n  interval: 1s\n  burst: [1]\n', 'rate_limit.burst must be an integer (line 3)'],
    ['client_allowed_sans given one name instead of a list', () => 'tls_server_config:\n  client_allowed_sans: a.example\n',
      'client_allowed_sans must be a list (line 2)'],
    ['a list inside client_allowed_sans', () => 'tls_server_config:\n  client_allowed_sans: [[a.example]]\n',
      'each entry of client_allowed_sans must be a single value, not a list or mapping (line 2)'],
    ['an empty entry in client_allowed_sans, at its own line', () => 'tls_server_config:\n  client_allowed_sans:\n    - a.example\n    - ~\n',
      'client_allowed_sans must not contain empty entries (line 4)'],
    ['max_version under the default min_version (no line to point at)', () => `${tlsHead()}  max_version: TLS11\n`,
      'min_version TLS12 is above max_version TLS11; lower min_version or raise max_version'],
    ['a key that is a list', () => '? [a, b]\n: 1\n',
      "unknown key '' (line 1); expected one of: tls_server_config, http_server_config, basic_auth_users, rate_limit"],
    ['cert_file: ~ (null, not a file called ~)', () => `tls_server_config:\n  cert_file: ~\n  key_file: ${pki.serverKey}\n`,
      'TLS is enabled but the certificate is missing; set cert_file (or cert) in tls_server_config (line 2)'],
    ['an alias with no anchor', () => 'tls_server_config: *tls\n',
      'the alias *tls (line 1) has no anchor &tls before it; define the anchor first or remove the alias'],
    ['an alias before its anchor', () => `basic_auth_users:\n  alice: *h\n  bob: &h '${hash}'\n`,
      'the alias *h (line 2) has no anchor &h before it; define the anchor first or remove the alias'],
    ['an alias with no anchor inside a list', () => `${tlsHead()}  client_auth_type: RequireAnyClientCert\n  client_allowed_sans: [a.example, *san]\n`,
      'the alias *san (line 5) has no anchor &san before it; define the anchor first or remove the alias'],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(errorOf(write(`exact-${Math.random().toString(36).slice(2)}.yml`, text()))).toBe(`--web.config.file: ${expected}`);
  });
});

describe('loadWebConfig accepts the toolkit format', () => {
  it('treats an empty file as no TLS, no auth, no headers', () => {
    const c = loadWebConfig(write('empty.yml', ''));
    expect(c.tls).toBeUndefined();
    expect(c.users.size).toBe(0);
    expect(c.headers).toEqual({});
    expect(c.rateLimit).toBeUndefined();
    expect(c.http2).toBe(true);
  });

  it('reads a full file, resolving relative paths against its directory', () => {
    const local = mkdtempSync(join(pki.dir, 'cfg-'));
    const rel = (p: string): string => join('..', p.slice(pki.dir.length + 1));
    const y = hash.replace(/^\$2b\$/, '$2y$');
    const path = join(local, 'web.yml');
    writeFileSync(path, [
      'tls_server_config:',
      `  cert_file: ${rel(pki.serverCert)}`,
      `  key_file: ${rel(pki.serverKey)}`,
      `  client_ca_file: ${rel(pki.caCert)}`,
      '  client_auth_type: RequireClientCert',
      '  client_allowed_sans: [a.example, 10.0.0.1]',
      '  min_version: TLS13',
      '  cipher_suites: [TLS_AES_128_GCM_SHA256]',
      '  prefer_server_cipher_suites: no',
      '  curve_preferences: [X25519, CurveP256]',
      'http_server_config:',
      '  http2: false',
      '  headers:',
      '    X-Frame-Options: deny',
      '    X-XSS-Protection: 0',
      '    Strict-Transport-Security: max-age=31536000',
      'basic_auth_users:',
      `  alice: '${hash}'`,
      `  bob: '${y}'`,
      'rate_limit:',
      '  interval: 1m30s',
      '  burst: 20',
      '',
    ].join('\n'));
    const c = loadWebConfig(path);
    expect(c.tls).toMatchObject({
      certFile: pki.serverCert, keyFile: pki.serverKey, clientCaFile: pki.caCert,
      clientAuthType: 'RequireAnyClientCert', clientAllowedSans: ['a.example', '10.0.0.1'],
      minVersion: 'TLS13', maxVersion: 'TLS13', cipherSuites: ['TLS_AES_128_GCM_SHA256'],
      preferServerCipherSuites: false, curvePreferences: ['X25519', 'CurveP256'],
    });
    expect(c.http2).toBe(false);
    expect(c.headers).toEqual({ 'X-Frame-Options': 'deny', 'X-XSS-Protection': '0', 'Strict-Transport-Security': 'max-age=31536000' });
    expect([...c.users.keys()]).toEqual(['alice', 'bob']);
    expect(c.rateLimit).toEqual({ intervalMs: 90_000, burst: 20 });
    // A config object printed by mistake must not show the hashes.
    expect(JSON.stringify(c)).not.toContain(hash.slice(7));
  });

  it('accepts basic auth without TLS and rate_limit interval 0 as disabled', () => {
    const c = loadWebConfig(write('users.yml', `basic_auth_users:\n  carol: '${hash}'\nrate_limit:\n  interval: 0\n  burst: 5\n`));
    expect(c.tls).toBeUndefined();
    expect(c.users.get('carol')).toBe(hash);
    expect(c.rateLimit).toBeUndefined();
  });

  it('takes bcrypt hashes of every version prefix and cost 4 to 31, and an empty users list', () => {
    const hashes = [hash, hash.replace('$2b$', '$2a$'), hash.replace('$2b$', '$2y$'), hash.replace('$2b$', '$2$'), hash.replace('$04$', '$31$')];
    const c = loadWebConfig(write('versions.yml', `basic_auth_users:\n${hashes.map((h, i) => `  user${i}: '${h}'`).join('\n')}\n`));
    expect([...c.users.values()]).toEqual(hashes);
    expect(loadWebConfig(write('no-users.yml', 'basic_auth_users:\n')).users.size).toBe(0);
  });

  it('reads rate_limit.interval as a Go duration, or as nanoseconds when it is a bare number (yaml.v2)', () => {
    expect(loadWebConfig(write('rl-text.yml', 'rate_limit:\n  interval: 1m30s\n  burst: 3\n')).rateLimit).toEqual({ intervalMs: 90_000, burst: 3 });
    expect(loadWebConfig(write('rl-ns.yml', 'rate_limit:\n  interval: 1500000000\n  burst: 2\n')).rateLimit).toEqual({ intervalMs: 1500, burst: 2 });
    expect(loadWebConfig(write('rl-zero.yml', "rate_limit:\n  interval: '0s'\n  burst: 2\n")).rateLimit).toBeUndefined();
  });

  it.each([
    ['keys without a value', 'tls_server_config:\nhttp_server_config:\nbasic_auth_users:\nrate_limit:\n'],
    ['nested keys without a value', 'tls_server_config:\n  client_allowed_sans:\n  min_version:\n  prefer_server_cipher_suites:\n'
      + 'http_server_config:\n  http2:\n  headers:\nrate_limit:\n  interval:\n  burst:\n'],
    ['keys set to null', 'tls_server_config: ~\nhttp_server_config:\n  http2: null\nrate_limit:\n  burst: ~\n'],
    ['keys of a flow mapping without a value', 'tls_server_config: {client_allowed_sans, min_version, prefer_server_cipher_suites}\n'
      + 'http_server_config: {http2, headers}\nrate_limit: {interval, burst}\n'],
  ])('reads %s as not set, like an empty file', (_name, text) => {
    const c = loadWebConfig(write(`unset-${Math.random().toString(36).slice(2)}.yml`, text));
    expect({ tls: c.tls, http2: c.http2, headers: c.headers, users: c.users.size, rateLimit: c.rateLimit })
      .toEqual({ tls: undefined, http2: true, headers: {}, users: 0, rateLimit: undefined });
  });

  it('reads burst without a value as 0', () => {
    expect(loadWebConfig(write('burst-unset.yml', 'rate_limit:\n  interval: 1s\n  burst:\n')).rateLimit).toEqual({ intervalMs: 1000, burst: 0 });
    expect(loadWebConfig(write('burst-flow.yml', 'rate_limit: {interval: 1s, burst}\n')).rateLimit).toEqual({ intervalMs: 1000, burst: 0 });
  });

  it('keeps the source text of a string setting that YAML reads as a number or boolean, as yaml.v2 does', () => {
    const c = loadWebConfig(write('sans-text.yml', `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.serverKey}\n`
      + '  client_auth_type: RequireAnyClientCert\n  client_allowed_sans: [0x1F, 1e3, yes, 010, 12:30]\n'));
    expect(c.tls?.clientAllowedSans).toEqual(['0x1F', '1e3', 'yes', '010', '12:30']);
  });

  it('keeps min/max defaults TLS12/TLS13 and resolves YAML aliases', () => {
    const c = loadWebConfig(write('aliases.yml', `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.serverKey}\n`
      + `basic_auth_users:\n  alice: &h '${hash}'\n  bob: *h\n`));
    expect(c.tls).toMatchObject({ minVersion: 'TLS12', maxVersion: 'TLS13', clientAuthType: 'NoClientCert', preferServerCipherSuites: true });
    expect(c.users.get('bob')).toBe(hash);
  });
});

/** The kit's Go duration parser (flags/duration.ts), as rate_limit.interval uses it: undefined when Go rejects the text. */
function parseGoDuration(text: string): number | undefined {
  try {
    return parseDurationOrThrow(text);
  } catch {
    return undefined;
  }
}

describe('parseGoDuration', () => {
  it.each([
    ['1s', 1000], ['500ms', 500], ['1m30s', 90_000], ['1.5h', 5_400_000], ['0', 0], ['250us', 0.25], ['2µs', 0.002], ['-1s', -1000],
  ])('%s -> %d ms', (text, ms) => expect(parseGoDuration(text)).toBeCloseTo(ms, 9));
  it.each(['', '1', 's', '1d', '1 s', 'soon'])('rejects %j', (text) => expect(parseGoDuration(text)).toBeUndefined());
});
