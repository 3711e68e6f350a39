import { readFileSync } from 'node:fs';
import type { Server } from 'node:https';
import { createServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSender } from '../../src/push/http-sender.js';
import type { TlsClientOptions } from '../../src/push/http-sender.js';
import type { Pki } from '../web-config-fixtures.js';
import { closeServer, listen, makePki } from '../web-config-fixtures.js';

describe('HttpSender TLS options (--push.tls.*) against a loopback HTTPS server that requires a client certificate', () => {
  let pki: Pki;
  let server: Server;
  let url: URL;
  const clientNames: string[] = [];

  beforeAll(async () => {
    pki = makePki();
    server = createServer({
      cert: readFileSync(pki.serverCert), key: readFileSync(pki.serverKey), ca: readFileSync(pki.caCert),
      requestCert: true, rejectUnauthorized: true,
    }, (req, res) => {
      clientNames.push((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '');
      req.resume();
      req.on('end', () => res.writeHead(202).end());
    });
    await listen(server);
    url = new URL(`https://127.0.0.1:${(server.address() as { port: number }).port}/metrics/job/x`);
  });
  afterAll(async () => {
    if (server) await closeServer(server);
  });

  const send = async (tls: TlsClientOptions) => {
    const sender = await HttpSender.create({ tls, headers: [] }, 'test/1', true);
    try {
      return await sender.send({ method: 'PUT', url, body: 'up 1\n', timeoutMs: 5000 });
    } finally {
      sender.close();
    }
  };
  const client = () => ({ certFile: pki.clientCert, keyFile: pki.clientKey });

  it('verifies the server with --push.tls.ca-file and presents the client certificate', async () => {
    expect((await send({ caFile: pki.caCert, ...client() })).status).toBe(202);
    expect(clientNames.at(-1)).toBe('client');
  });

  it('rejects a server its CA does not know, unless --push.tls.insecure-skip-verify', async () => {
    await expect(send(client())).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
    expect((await send({ ...client(), insecureSkipVerify: true })).status).toBe(202);
  });

  it('checks the certificate against --push.tls.server-name', async () => {
    expect((await send({ caFile: pki.caCert, serverName: 'localhost', ...client() })).status).toBe(202);
    await expect(send({ caFile: pki.caCert, serverName: 'elsewhere.example', ...client() })).rejects.toThrow(/elsewhere\.example|altnames/);
  });

  it('a missing certificate file is a start-up error naming the flag', async () => {
    await expect(HttpSender.create({ tls: { caFile: '/nope/ca.pem' }, headers: [] }, 'test/1', true)).rejects.toThrow(/^--push.tls.ca-file: cannot read \/nope\/ca.pem: ENOENT$/);
  });
});
