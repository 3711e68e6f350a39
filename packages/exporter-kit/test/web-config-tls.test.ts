import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SecureVersion, TLSSocket } from 'node:tls';
import bcrypt from 'bcryptjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createWebServer, loadWebConfig } from '../src/web-config.js';
import { subjectAltNames } from '../src/web-config-tls.js';
import { CLIENT_SANS, closeServer, fetchFrom, listen, makePki, makeServerCert, rawExchange } from './web-config-fixtures.js';
import type { FetchOptions, FetchResult, Pki } from './web-config-fixtures.js';

let pki: Pki;
let ca: Buffer;
let client: { cert: Buffer; key: Buffer };
let foreign: { cert: Buffer; key: Buffer };
/** A self-signed RSA server certificate, for the suites that need an RSA key (TLS_RSA_*, TLS_ECDHE_RSA_*). */
let rsa: { cert: string; key: string };
const servers: Server[] = [];
const logger = createLogger({ level: 'error', write: () => {} });

beforeAll(() => {
  pki = makePki();
  ca = readFileSync(pki.caCert);
  client = { cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) };
  foreign = { cert: readFileSync(pki.foreignClientCert), key: readFileSync(pki.foreignClientKey) };
  rsa = { cert: join(pki.dir, 'rsa-server.crt'), key: join(pki.dir, 'rsa-server.key') };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', rsa.key, '-out', rsa.cert, '-days', '2',
    '-subj', '/CN=rsa-server', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

function ok(_req: unknown, res: ServerResponse): void {
  res.writeHead(200).end('metrics\n');
}

/** `text` as web.yml in a directory of its own. */
function writeConfig(text: string): string {
  const path = join(mkdtempSync(join(pki.dir, 'cfg-')), 'web.yml');
  writeFileSync(path, text);
  return path;
}

/** A config file in its own directory, with the server cert/key (copies of `cert`/`key`) given relative to it. */
function configFile(extra = '', cert = pki.serverCert, key = pki.serverKey): string {
  const path = writeConfig(`tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n${extra}`);
  copyFileSync(cert, join(path, '..', 'server.crt'));
  copyFileSync(key, join(path, '..', 'server.key'));
  return path;
}

async function start(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void = ok): Promise<Server> {
  const server = createWebServer({ configFile: path, logger }, handler);
  servers.push(server);
  return listen(server);
}

/** The WebConfigError message loading `path` fails with. */
function loadError(path: string): string {
  try {
    loadWebConfig(path);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

/** A YAML block scalar holding `pem`, indented for a key of tls_server_config. */
const block = (pem: string): string => `|\n${pem.trim().split('\n').map((l) => `    ${l}`).join('\n')}\n`;

const https = (extra: FetchOptions = {}): FetchOptions => ({ https: true, ca, ...extra });
/** A client that offers every protocol version up to `maxVersion`, and the SHA-1 signatures TLS 1.0/1.1 need. */
const anyVersion = (maxVersion: SecureVersion = 'TLSv1.3'): FetchOptions => https({ minVersion: 'TLSv1', maxVersion, ciphers: 'DEFAULT@SECLEVEL=0' });
const withPolicy = (type: string, extra = ''): string => `  client_ca_file: ${pki.caCert}\n  client_auth_type: ${type}\n${extra}`;

describe('TLS serving', () => {
  it('serves HTTPS to a client that trusts our CA, and answers plain HTTP with 400', async () => {
    const server = await start(configFile());
    const r = await fetchFrom(server, https());
    expect(r.status).toBe(200);
    expect(r.body).toBe('metrics\n');
    const plain = await fetchFrom(server);
    expect(plain.status).toBe(400);
    expect(plain.body).toBe('Client sent an HTTP request to an HTTPS server.\n');
  });

  it('plain HTTP on the TLS port gets Go net/http\'s 400, byte for byte, on a raw TCP connection', async () => {
    const server = await start(configFile());
    const { port } = server.address() as AddressInfo;
    for (const method of ['GET', 'HEAD', 'POST']) {
      const answer = await rawExchange(port, `${method} /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(answer).toBe('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
    }
    // Not HTTP at all: still just a closed connection, and HTTPS keeps working.
    expect(await rawExchange(port, 'hello\r\n')).toBe('');
    expect((await fetchFrom(server, https())).status).toBe(200);
  });

  it('refuses a TLS 1.1 client with the default min_version TLS12, and lets it in with TLS10', async () => {
    const legacy = https({ maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const strict = await start(configFile());
    await expect(fetchFrom(strict, legacy)).rejects.toThrow(/version|protocol/i);
    const lenient = await start(configFile('  min_version: TLS10\n'));
    const r = await fetchFrom(lenient, legacy);
    expect(r.status).toBe(200);
    expect(r.protocol).toBe('TLSv1.1');
  });

  it.each([['TLS10', 'TLSv1'], ['TLS11', 'TLSv1.1'], ['TLS12', 'TLSv1.2'], ['TLS13', 'TLSv1.3']])(
    'min_version and max_version %s: a client offering TLS 1.0 to 1.3 gets %s', async (name, protocol) => {
      const server = await start(configFile(`  min_version: ${name}\n  max_version: ${name}\n`));
      expect((await fetchFrom(server, anyVersion())).protocol).toBe(protocol);
    });

  it('keeps a TLS 1.0 client out with min_version TLS11', async () => {
    const server = await start(configFile('  min_version: TLS11\n'));
    await expect(fetchFrom(server, anyVersion('TLSv1'))).rejects.toThrow(/:tlsv1 alert protocol version:/);
  });

  it('caps the protocol at max_version', async () => {
    const server = await start(configFile('  max_version: TLS12\n'));
    expect((await fetchFrom(server, https())).protocol).toBe('TLSv1.2');
    await expect(fetchFrom(server, https({ minVersion: 'TLSv1.3' }))).rejects.toThrow();
  });

  it('negotiates only the configured TLS 1.2 cipher suites', async () => {
    const server = await start(configFile('  max_version: TLS12\n  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]\n'));
    const r = await fetchFrom(server, https());
    expect(r.cipher).toBe('ECDHE-ECDSA-AES128-GCM-SHA256');
    await expect(fetchFrom(server, https({ ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' }))).rejects.toThrow();
  });

  // Each TLS 1.2 suite alone, against a client that offers them all: the negotiated name is OpenSSL's.
  it.each([
    ['TLS_RSA_WITH_AES_128_CBC_SHA', 'AES128-SHA'],
    ['TLS_RSA_WITH_AES_256_CBC_SHA', 'AES256-SHA'],
    ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256'],
    ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'AES256-GCM-SHA384'],
    ['TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'ECDHE-ECDSA-AES128-SHA'],
    ['TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'ECDHE-ECDSA-AES256-SHA'],
    ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'ECDHE-RSA-AES128-SHA'],
    ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'ECDHE-RSA-AES256-SHA'],
    ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
    ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'],
    ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'],
    ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-RSA-CHACHA20-POLY1305'],
    ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  ])('cipher_suites [%s] negotiates OpenSSL\'s %s over TLS 1.2', async (goName, opensslName) => {
    const ecdsa = goName.includes('_ECDSA_');
    const settings = `  max_version: TLS12\n  cipher_suites: [${goName}]\nhttp_server_config:\n  http2: false\n`;
    const server = await start(ecdsa ? configFile(settings) : configFile(settings, rsa.cert, rsa.key));
    const r = await fetchFrom(server, https({ ca: ecdsa ? ca : readFileSync(rsa.cert) }));
    expect(r.cipher).toBe(opensslName);
    expect(r.protocol).toBe('TLSv1.2');
  });

  it('keeps TLS 1.3 working whatever cipher_suites lists, as Go does', async () => {
    const server = await start(configFile('  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]\n'));
    expect((await fetchFrom(server, https())).protocol).toBe('TLSv1.3');
  });

  it('uses only the configured curves', async () => {
    const server = await start(configFile('  curve_preferences: [CurveP384]\n'));
    expect((await fetchFrom(server, https({ ecdhCurve: 'P-384' }))).status).toBe(200);
    await expect(fetchFrom(server, https({ ecdhCurve: 'P-256' }))).rejects.toThrow();
  });

  it('serves a rotated certificate on new connections without a restart', async () => {
    const path = configFile();
    const server = await start(path);
    const before = (await fetchFrom(server, https())).serverCertFingerprint;
    const next = makeServerCert(pki, `rotated-${Date.now()}`);
    copyFileSync(next.key, join(path, '..', 'server.key'));
    copyFileSync(next.cert, join(path, '..', 'server.crt'));
    const after = (await fetchFrom(server, https())).serverCertFingerprint;
    expect(before).toMatch(/^[0-9A-F:]+$/);
    expect(after).toMatch(/^[0-9A-F:]+$/);
    expect(after).not.toBe(before);
  });
});

describe('certificate, key and client CA', () => {
  const MISMATCH = 'error:05800074:x509 certificate routines::key values mismatch';
  const suffix = '; use a PEM certificate and the PEM private key that belongs to it';

  it('serves the inline cert and key', async () => {
    const server = await start(writeConfig(
      `tls_server_config:\n  cert: ${block(readFileSync(pki.serverCert, 'utf8'))}  key: ${block(readFileSync(pki.serverKey, 'utf8'))}`));
    const r = await fetchFrom(server, https());
    expect(r.status).toBe(200);
    expect(r.serverCertFingerprint).toBe(new X509Certificate(readFileSync(pki.serverCert)).fingerprint256);
  });

  it('names the cert and key files that do not belong together, and OpenSSL\'s reason', () => {
    const path = configFile('', pki.serverCert, pki.clientKey);
    const dir = join(path, '..');
    expect(loadError(path)).toBe(`--web.config.file: cannot load the TLS certificate and key (cert_file '${dir}/server.crt' / `
      + `key_file '${dir}/server.key'): ${MISMATCH}${suffix}`);
  });

  it('says "cert / key" when an inline cert and key do not belong together', () => {
    const path = writeConfig(
      `tls_server_config:\n  cert: ${block(readFileSync(pki.serverCert, 'utf8'))}  key: ${block(readFileSync(pki.clientKey, 'utf8'))}`);
    expect(loadError(path)).toBe(`--web.config.file: cannot load the TLS certificate and key (cert / key): ${MISMATCH}${suffix}`);
  });

  it('names a key_file it cannot read', () => {
    const path = writeConfig(`tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: missing.key\n`);
    expect(loadError(path)).toBe(`--web.config.file: cannot read key_file '${join(path, '..', 'missing.key')}': file not found; `
      + 'fix the path (relative paths are resolved against the directory of the web config file)');
  });

  it('names a client CA without certificates: the file, or client_ca when inline', () => {
    const advice = 'contains no PEM certificate; point it at the CA certificate(s) that sign client certificates';
    expect(loadError(configFile(withPolicy('RequireAndVerifyClientCert').replace(pki.caCert, pki.serverKey))))
      .toBe(`--web.config.file: client_ca_file '${pki.serverKey}' ${advice}`);
    expect(loadError(configFile('  client_auth_type: RequireAndVerifyClientCert\n  client_ca: not a certificate\n')))
      .toBe(`--web.config.file: client_ca ${advice}`);
  });

  it('refuses a client CA file with a certificate block that does not parse, after a good one', () => {
    const bundle = join(pki.dir, 'ca-bundle-with-a-bad-block.pem');
    writeFileSync(bundle, `${readFileSync(pki.caCert, 'utf8')}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`);
    expect(loadError(configFile(withPolicy('RequireAndVerifyClientCert').replace(pki.caCert, bundle))))
      .toBe(`--web.config.file: client_ca_file '${bundle}' holds a certificate that cannot be parsed `
        + '(error:068000A8:asn1 encoding routines::wrong tag); replace it with a valid PEM certificate');
  });
});

describe('client certificates', () => {
  /** Answers with the subject of the client certificate, as the handler sees it. */
  function peerSubject(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200).end((req.socket as TLSSocket).getPeerX509Certificate()?.subject ?? 'no client certificate');
  }

  /** Two requests on one kept-alive connection, with the config file rewritten by `change` between them. */
  async function acrossReload(path: string, change: (text: string) => string, identity: FetchOptions = {}): Promise<FetchResult[]> {
    const server = await start(path);
    server.keepAliveTimeout = 600_000; // the connection must outlive any delay between the two requests
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await fetchFrom(server, https({ ...identity, agent }));
      writeFileSync(path, change(readFileSync(path, 'utf8')));
      return [first, await fetchFrom(server, https({ ...identity, agent }))];
    } finally {
      agent.destroy();
    }
  }

  it('NoClientCert does not ask for a certificate; RequestClientCert does', async () => {
    const none = await start(configFile(), peerSubject);
    expect((await fetchFrom(none, https(client))).body).toBe('no client certificate');
    const requested = await start(configFile(withPolicy('RequestClientCert')), peerSubject);
    expect((await fetchFrom(requested, https(client))).body).toBe('CN=client');
  });

  it('RequireAndVerifyClientCert: no cert fails, our CA passes, another CA fails, before the connection is established', async () => {
    const server = await start(configFile(withPolicy('RequireAndVerifyClientCert')));
    const handshakeErrors: unknown[] = [];
    let established = 0;
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => handshakeErrors.push(err.code));
    server.on('secureConnection', () => established++);
    await expect(fetchFrom(server, https())).rejects.toThrow();
    expect(handshakeErrors[0]).toBe('ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');
    await expect(fetchFrom(server, https(foreign))).rejects.toThrow();
    // Both are refused by node's TLS layer: neither connection reaches the server as established.
    expect(established).toBe(0);
    expect((await fetchFrom(server, https(client))).status).toBe(200);
    expect(established).toBe(1);
  });

  it('RequireAnyClientCert: any certificate passes, none fails', async () => {
    const server = await start(configFile(withPolicy('RequireAnyClientCert')));
    await expect(fetchFrom(server, https())).rejects.toThrow();
    expect((await fetchFrom(server, https(client))).status).toBe(200);
    expect((await fetchFrom(server, https(foreign))).status).toBe(200);
  });

  it('VerifyClientCertIfGiven: none passes, ours passes, a foreign one fails', async () => {
    const server = await start(configFile(withPolicy('VerifyClientCertIfGiven')));
    expect((await fetchFrom(server, https())).status).toBe(200);
    expect((await fetchFrom(server, https(client))).status).toBe(200);
    await expect(fetchFrom(server, https(foreign))).rejects.toThrow();
  });

  it('RequestClientCert: asks but checks nothing', async () => {
    const server = await start(configFile(withPolicy('RequestClientCert')));
    expect((await fetchFrom(server, https())).status).toBe(200);
    expect((await fetchFrom(server, https(foreign))).status).toBe(200);
  });

  it.each([CLIENT_SANS.dns, CLIENT_SANS.email, CLIENT_SANS.uri, CLIENT_SANS.ip])('client_allowed_sans lets in a cert listing %s', async (san) => {
    const server = await start(configFile(withPolicy('RequireAndVerifyClientCert', `  client_allowed_sans: ['other.example', '${san}']\n`)));
    expect((await fetchFrom(server, https(client))).status).toBe(200);
  });

  it('client_allowed_sans refuses a verified cert without a listed SAN (exact match only)', async () => {
    const server = await start(configFile(withPolicy('RequireAndVerifyClientCert',
      `  client_allowed_sans: ['other.example', '${CLIENT_SANS.dns.toUpperCase()}', 'example.test', '0:0:0:0:0:0:0:1']\n`)));
    await expect(fetchFrom(server, https(client))).rejects.toThrow();
  });

  it('applies a policy changed in the file to new connections', async () => {
    const path = configFile();
    const server = await start(path);
    expect((await fetchFrom(server, https())).status).toBe(200);
    writeFileSync(path, `${readFileSync(path, 'utf8')}${withPolicy('RequireAndVerifyClientCert')}`);
    await expect(fetchFrom(server, https())).rejects.toThrow();
    expect((await fetchFrom(server, https(client))).status).toBe(200);
  });

  it('refuses the next request on an open connection without a certificate once the policy requires one', async () => {
    const [before, after] = await acrossReload(configFile(), (text) => text + withPolicy('RequireAndVerifyClientCert'));
    expect(before).toMatchObject({ status: 200, reusedSocket: false });
    expect(after).toMatchObject({ status: 403, body: 'Forbidden\n', reusedSocket: true });
  });

  it('refuses the next request on an open connection with an untrusted certificate once the policy verifies it', async () => {
    const [before, after] = await acrossReload(configFile(withPolicy('RequestClientCert')),
      (text) => text.replace('RequestClientCert', 'RequireAndVerifyClientCert'), foreign);
    expect(before).toMatchObject({ status: 200, reusedSocket: false });
    expect(after).toMatchObject({ status: 403, body: 'Forbidden\n', reusedSocket: true });
  });

  it('combines client certificates with basic auth', async () => {
    const hash = bcrypt.hashSync('pw', 4);
    const server = await start(configFile(`${withPolicy('RequireAndVerifyClientCert')}basic_auth_users:\n  scraper: '${hash}'\n`));
    expect((await fetchFrom(server, https(client))).status).toBe(401);
    expect((await fetchFrom(server, https({ ...client, auth: { user: 'scraper', password: 'pw' } }))).status).toBe(200);
  });
});

describe('subjectAltNames', () => {
  const ips = (...values: string[]): string[] => subjectAltNames(values.map((v) => `IP Address:${v}`).join(', '));

  it('spells IPv6 addresses as Go\'s net.IP.String() does', () => {
    expect(ips('2001:DB8:1:2:3:4:5:6', '1:0:2:3:4:5:6:7', '1:0:0:2:0:0:0:3', '1:0:0:0:0:FFFF:A00:1'))
      .toEqual(['2001:db8:1:2:3:4:5:6', '1:0:2:3:4:5:6:7', '1:0:0:2::3', '1::ffff:a00:1']);
  });

  it('leaves an address that is not eight full groups as it is, lower-cased', () => {
    expect(ips('FE80::1', '1::2:3:4:5:6:7', '1:2:3:4:5:6:1.2.3.4')).toEqual(['fe80::1', '1::2:3:4:5:6:7', '1:2:3:4:5:6:1.2.3.4']);
  });

  it('decodes escaped quotes inside a quoted value', () => {
    expect(subjectAltNames('DNS:"a\\"b, c", DNS:d.example')).toEqual(['a"b, c', 'd.example']);
  });

  it('stops at trailing text that is not a type:value entry', () => {
    expect(subjectAltNames('DNS:a.example, garbage')).toEqual(['a.example']);
  });
});
