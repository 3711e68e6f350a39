/**
 * Test fixtures for the web-config tests: certificates made with the openssl CLI at test time (no
 * checked-in key material), bcrypt hashes made with bcryptjs, and a tiny HTTP(S) client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingHttpHeaders, Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Agent as HttpsAgent } from 'node:https';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecureVersion } from 'node:tls';

export interface Pki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Same SANs as the good client, signed by a CA the server does not trust. */
  foreignClientCert: string;
  foreignClientKey: string;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
}

function makeLeaf(dir: string, name: string, ca: string, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, 'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial',
    '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`);
}

/** A fresh server certificate (new key, same SANs) under `name`, to test rotation. */
export function makeServerCert(pki: Pki, name: string): { cert: string; key: string } {
  makeLeaf(pki.dir, name, 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  return { cert: join(pki.dir, `${name}.crt`), key: join(pki.dir, `${name}.key`) };
}

export const CLIENT_SANS = {
  dns: 'scraper.example.test',
  email: 'prometheus@example.test',
  uri: 'spiffe://example.test/prometheus',
  ip: '::1',
};

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'webcfg-pki-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeLeaf(dir, 'server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  const clientExt = `subjectAltName=DNS:${CLIENT_SANS.dns},email:${CLIENT_SANS.email},URI:${CLIENT_SANS.uri},IP:${CLIENT_SANS.ip}\n`
    + 'extendedKeyUsage=clientAuth\n';
  makeLeaf(dir, 'client', 'ca', clientExt);
  makeLeaf(dir, 'foreign-client', 'other-ca', clientExt);
  const f = (n: string): string => join(dir, n);
  return {
    dir,
    caCert: f('ca.crt'),
    serverCert: f('server.crt'),
    serverKey: f('server.key'),
    clientCert: f('client.crt'),
    clientKey: f('client.key'),
    foreignClientCert: f('foreign-client.crt'),
    foreignClientKey: f('foreign-client.key'),
  };
}

export interface FetchOptions {
  https?: boolean;
  auth?: { user: string; password: string };
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  maxVersion?: SecureVersion;
  minVersion?: SecureVersion;
  ciphers?: string;
  ecdhCurve?: string;
  /** A keep-alive agent, to send a second request on the connection of the first; none by default. */
  agent?: HttpsAgent;
}

export interface FetchResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** HTTPS only: SHA-256 fingerprint of the server certificate and the negotiated protocol/cipher. */
  serverCertFingerprint?: string;
  protocol?: string;
  cipher?: string;
  /** True when the request went out on a connection an earlier request had opened. */
  reusedSocket: boolean;
}

/** One request on a fresh connection (no agent, unless given), so each call runs its own TLS handshake. */
export function fetchFrom(server: Server, opts: FetchOptions = {}): Promise<FetchResult> {
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string> = {};
  if (opts.auth) headers.Authorization = `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.password}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const onResponse = (res: import('node:http').IncomingMessage): void => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      const socket = res.socket as import('node:tls').TLSSocket;
      const tlsInfo = opts.https
        ? { serverCertFingerprint: socket.getPeerCertificate().fingerprint256, protocol: socket.getProtocol() ?? undefined, cipher: socket.getCipher().name }
        : {};
      const reusedSocket = (res as unknown as { req: ClientRequest }).req.reusedSocket;
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket, ...tlsInfo }));
      res.on('error', reject);
    };
    const base = { host: '127.0.0.1', port, path: '/metrics', headers, agent: opts.agent ?? (false as const) };
    const req = opts.https
      ? httpsRequest({ ...base, ca: opts.ca, cert: opts.cert, key: opts.key, maxVersion: opts.maxVersion,
        minVersion: opts.minVersion, ciphers: opts.ciphers, ecdhCurve: opts.ecdhCurve }, onResponse)
      : httpRequest(base, onResponse);
    req.on('error', reject);
    req.end();
  });
}

export function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Writes `text` on a raw TCP connection and returns every byte the server sent until it closed. */
export function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (answer += d));
    // A reset after the answer (the server closed without reading everything) still counts as the answer.
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    socket.on('close', () => resolve(answer));
  });
}
