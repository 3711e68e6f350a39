/**
 * One web config file, two servers: Debian's Go node_exporter (exporter-toolkit) and ours must accept
 * and refuse the same files and answer the same requests the same way.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startProcess } from '../../../test/support/processes.js';
import type { Started } from '../../../test/support/processes.js';
import { missingDependency } from '../../../test/support/services.js';
import { createLogger } from '../src/logger.js';
import { createWebServer, loadWebConfig } from '../src/web-config.js';
import { closeServer, fetchFrom, listen, makePki, rawExchange } from './web-config-fixtures.js';
import type { FetchOptions, Pki } from './web-config-fixtures.js';

const ORACLE = '/usr/bin/prometheus-node-exporter';
const missing = missingDependency(existsSync(ORACLE), `the Go oracle ${ORACLE} (Debian package prometheus-node-exporter)`);

const logger = createLogger({ level: 'error', write: () => {} });
let pki: Pki;
const aliceHash = bcrypt.hashSync('alice123', 4).replace(/^\$2b\$/, '$2y$');
const bobHash = bcrypt.hashSync('bob123', 4);

/** A config directory holding copies of the server cert/key, referenced relatively. */
function configFile(text: string): string {
  const dir = mkdtempSync(join(pki.dir, 'oracle-'));
  copyFileSync(pki.serverCert, join(dir, 'server.crt'));
  copyFileSync(pki.serverKey, join(dir, 'server.key'));
  const path = join(dir, 'web.yml');
  writeFileSync(path, text);
  return path;
}

const tlsSection = 'tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n';

const oracleArgs = (file: string, port: number): string[] => [
  `--web.config.file=${file}`, `--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.time',
];

/** Any answer (or a TLS refusal) means the server is up; ECONNREFUSED means not yet. */
async function waitUp(port: number, https: boolean, ca: Buffer): Promise<void> {
  const fake = { address: () => ({ port }) } as unknown as Server;
  // Generous: a loaded 2-core machine can take seconds to start a process.
  for (let i = 0; i < 600; i++) {
    try {
      await fetchFrom(fake, { https, ca });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} never opened`);
}

type Outcome = string;
const REFUSED = 'refused in the TLS handshake';

/**
 * An HTTP answer, or REFUSED when the server aborted the handshake: an OpenSSL alert
 * (EPROTO, ERR_SSL_*), or a reset where TLS 1.3 rejects the client certificate after the
 * client's side of the handshake is done. Which alert differs between Go's crypto/tls and
 * OpenSSL, so it is not compared; any other failure (refused connection, timeout) is an error.
 */
async function outcome(server: Server, opts: FetchOptions): Promise<Outcome> {
  try {
    const r = await fetchFrom(server, opts);
    return `${r.status} auth=${r.headers['www-authenticate'] ?? '-'} xfo=${r.headers['x-frame-options'] ?? '-'}`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EPROTO' || code === 'ECONNRESET' || code.startsWith('ERR_SSL_')) return REFUSED;
    throw err;
  }
}

describe('same web config file as the Go node_exporter', () => {
  let ca: Buffer;
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });
  const running: Started[] = [];
  const ours: Server[] = [];

  beforeAll(() => {
    if (missing !== undefined) return; // every test skips with this reason
    pki = makePki();
    ca = readFileSync(pki.caCert);
  });

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await Promise.all(ours.map(closeServer));
  });

  async function both(file: string, https: boolean): Promise<{ go: Server; node: Server; output: () => string }> {
    const port = await freePort();
    const proc = startProcess(ORACLE, oracleArgs(file, port));
    running.push(proc);
    const node = await listen(createWebServer({ configFile: file, logger }, (_req: unknown, res: ServerResponse) => res.end('ok')));
    ours.push(node);
    await waitUp(port, https, ca);
    return { go: { address: () => ({ port }) as AddressInfo } as unknown as Server, node, output: proc.output };
  }

  it('answers basic auth and headers identically over TLS', async () => {
    const file = configFile(`${tlsSection}  min_version: TLS12\n  curve_preferences: [CurveP256, X25519]\n`
      + '  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n'
      + `http_server_config:\n  headers:\n    X-Frame-Options: deny\nbasic_auth_users:\n  alice: '${aliceHash}'\n  bob: '${bobHash}'\n`);
    const { go, node } = await both(file, true);
    const requests: FetchOptions[] = [
      {},
      { auth: { user: 'alice', password: 'alice123' } },
      { auth: { user: 'bob', password: 'bob123' } },
      { auth: { user: 'alice', password: 'wrong' } },
      { auth: { user: 'carol', password: 'alice123' } },
      { auth: { user: 'alice', password: 'alice123' }, maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
    ];
    const goAnswers: Outcome[] = [];
    const nodeAnswers: Outcome[] = [];
    for (const r of requests) {
      goAnswers.push(await outcome(go, { https: true, ca, ...r }));
      nodeAnswers.push(await outcome(node, { https: true, ca, ...r }));
    }
    expect(nodeAnswers).toEqual(goAnswers);
    expect(goAnswers).toEqual([
      '401 auth=Basic xfo=deny', '200 auth=- xfo=deny', '200 auth=- xfo=deny',
      '401 auth=Basic xfo=deny', '401 auth=Basic xfo=deny', REFUSED,
    ]);
  });

  it('applies RequireAndVerifyClientCert identically', async () => {
    const file = configFile(`${tlsSection}  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ${pki.caCert}\n`);
    const { go, node } = await both(file, true);
    const client = { cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) };
    const foreign = { cert: readFileSync(pki.foreignClientCert), key: readFileSync(pki.foreignClientKey) };
    const answers = async (s: Server): Promise<Outcome[]> => [
      await outcome(s, { https: true, ca }),
      await outcome(s, { https: true, ca, ...client }),
      await outcome(s, { https: true, ca, ...foreign }),
      // Still serving after the refusals: they were answers, not crashes.
      await outcome(s, { https: true, ca, ...client }),
    ];
    const goAnswers = await answers(go);
    expect(await answers(node)).toEqual(goAnswers);
    expect(goAnswers).toEqual([REFUSED, '200 auth=- xfo=-', REFUSED, '200 auth=- xfo=-']);
  });

  it('answers plain HTTP on the TLS port identically, byte for byte', async () => {
    const { go, node } = await both(configFile(tlsSection), true);
    const request = 'GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const goAnswer = await rawExchange((go.address() as AddressInfo).port, request);
    expect(goAnswer).toMatch(/^HTTP\/1\.0 400 Bad Request\r\n/);
    expect(await rawExchange((node.address() as AddressInfo).port, request)).toBe(goAnswer);
  });

  const badFiles: Array<[string, string]> = [
    ['unknown key', 'basic_auth_userz: {}\n'],
    ['unknown TLS version', `${tlsSection}  min_version: TLS14\n`],
    ['unknown curve', `${tlsSection}  curve_preferences: [CurveP999]\n`],
    ['unknown cipher', `${tlsSection}  cipher_suites: [TLS_FOO]\n`],
    ['client CA without policy', `${tlsSection}  client_ca_file: CA_FILE\n`],
    ['key without cert', 'tls_server_config:\n  key_file: server.key\n'],
    ['missing cert file', 'tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n'],
    ['header not allowed', 'http_server_config:\n  headers:\n    Server: x\n'],
    ['bad X-Frame-Options', 'http_server_config:\n  headers:\n    X-Frame-Options: always\n'],
    ['plaintext password', 'basic_auth_users:\n  alice: alice123\n'],
  ];
  it.each(badFiles)('both refuse to start with a file with %s', async (_name, text) => {
    const file = configFile(text.replace('CA_FILE', pki.caCert));
    expect(() => loadWebConfig(file)).toThrow(/^--web\.config\.file: /);
    const go = spawnSync(ORACLE, oracleArgs(file, await freePort()), { timeout: 10_000, encoding: 'utf8' });
    expect(go.error).toBeUndefined(); // not killed by the timeout: it exited by itself
    expect(go.status, go.stderr).toBe(1);
    expect(go.stderr).toMatch(/level=error/);
    expect(go.stderr).not.toMatch(/bind|address already in use/);
  });

  it('the Go oracle keeps running with a good file (so the refusals above are about the files)', async () => {
    const file = configFile(`${tlsSection}basic_auth_users:\n  alice: '${aliceHash}'\n`);
    const port = await freePort();
    const go = startProcess(ORACLE, oracleArgs(file, port));
    running.push(go);
    await waitUp(port, true, ca);
    expect(go.child.exitCode).toBeNull();
    expect(go.output()).toMatch(/TLS is enabled/);
    expect(() => loadWebConfig(file)).not.toThrow();
  });
});
