import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDependency } from '../../../test/support/services.js';
import { brokerAvailable, forwardToApi, startOurs } from './support/broker.js';
import { parseExposition, valueOf } from './support/exposition.js';

/**
 * The management API behind TLS that demands a client certificate: an HTTPS front (self-signed
 * server and client certificates made with openssl) forwarding to the real API on :15672.
 */
const available = (await brokerAvailable()) && requireDependency(existsSync('/usr/bin/openssl'), 'openssl');

let dir = '';
let server: Server | undefined;
let url = '';
const file = (name: string) => join(dir, name);

function selfSigned(name: string, cn: string, san: string): void {
  execFileSync('/usr/bin/openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${san}`,
    '-keyout', file(`${name}-key.pem`), '-out', file(`${name}.pem`),
  ], { stdio: 'ignore' });
}

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'sk-rmq-tls-'));
  selfSigned('server', '127.0.0.1', 'IP:127.0.0.1');
  selfSigned('client', 'scrapekit-monitor', 'DNS:scrapekit-monitor');
  server = createServer({
    key: readFileSync(file('server-key.pem')), cert: readFileSync(file('server.pem')),
    ca: readFileSync(file('client.pem')), requestCert: true, rejectUnauthorized: true,
  }, forwardToApi);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((r) => server!.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function upWith(args: string[]): Promise<number | undefined> {
  const ours = await startOurs([`--rabbitmq.url=${url}`, '--no-collector.queue', ...args]);
  try {
    return valueOf(parseExposition(await ours.scrape()), 'rabbitmq_up');
  } finally {
    await ours.close();
  }
}

describe.skipIf(!available)('management API over TLS', () => {
  it('verifies the server with --rabbitmq.tls.ca-file and presents the client certificate', async () => {
    expect(await upWith([
      `--rabbitmq.tls.ca-file=${file('server.pem')}`,
      `--rabbitmq.tls.cert-file=${file('client.pem')}`, `--rabbitmq.tls.key-file=${file('client-key.pem')}`,
    ])).toBe(1);
  });

  it('refuses an unknown server certificate (up 0) unless verification is skipped', async () => {
    const client = [`--rabbitmq.tls.cert-file=${file('client.pem')}`, `--rabbitmq.tls.key-file=${file('client-key.pem')}`];
    expect(await upWith(client)).toBe(0);
    expect(await upWith([...client, '--rabbitmq.tls.insecure-skip-verify'])).toBe(1);
  });

  it('is refused by a server that demands a client certificate when none is configured', async () => {
    expect(await upWith([`--rabbitmq.tls.ca-file=${file('server.pem')}`])).toBe(0);
  });
});
