import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createWebServer } from '../src/web-config.js';
import { CLIENT_SANS, closeServer, fetchFrom, listen, makePki, makeServerCert, rawExchange } from './web-config-fixtures.js';
import type { FetchOptions, Pki } from './web-config-fixtures.js';

let pki: Pki;
let ca: Buffer;
let client: { cert: Buffer; key: Buffer };
let foreign: { cert: Buffer; key: Buffer };
const servers: Server[] = [];
const logger = createLogger({ level: 'error', write: () => {} });

beforeAll(() => {
  pki = makePki();
  ca = readFileSync(pki.caCert);
  client = { cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) };
  foreign = { cert: readFileSync(pki.foreignClientCert), key: readFileSync(pki.foreignClientKey) };
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

function ok(_req: unknown, res: ServerResponse): void {
  res.writeHead(200).end('metrics\n');
}

/** A config file in its own directory, with the server cert/key given relative to it. */
function configFile(extra = ''): string {
  const dir = mkdtempSync(join(pki.dir, 'cfg-'));
  copyFileSync(pki.serverCert, join(dir, 'server.crt'));
  copyFileSync(pki.serverKey, join(dir, 'server.key'));
  const path = join(dir, 'web.yml');
  writeFileSync(path, `tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n${extra}`);
  return path;
}

async function start(path: string): Promise<Server> {
  const server = createWebServer({ configFile: path, logger }, ok);
  servers.push(server);
  return listen(server);
}

const https = (extra: FetchOptions = {}): FetchOptions => ({ https: true, ca, ...extra });
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

describe('client certificates', () => {
  it('RequireAndVerifyClientCert: no cert fails, our CA passes, another CA fails', async () => {
    const server = await start(configFile(withPolicy('RequireAndVerifyClientCert')));
    await expect(fetchFrom(server, https())).rejects.toThrow();
    expect((await fetchFrom(server, https(client))).status).toBe(200);
    await expect(fetchFrom(server, https(foreign))).rejects.toThrow();
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

  it('combines client certificates with basic auth', async () => {
    const hash = bcrypt.hashSync('pw', 4);
    const server = await start(configFile(`${withPolicy('RequireAndVerifyClientCert')}basic_auth_users:\n  scraper: '${hash}'\n`));
    expect((await fetchFrom(server, https(client))).status).toBe(401);
    expect((await fetchFrom(server, https({ ...client, auth: { user: 'scraper', password: 'pw' } }))).status).toBe(200);
  });
});
