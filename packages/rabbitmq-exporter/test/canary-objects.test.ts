import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP, amqpChannel, brokerAvailable, createVhost, dropVhost, eventually, MGMT, startOurs, type Ours } from './support/broker.js';
import { parseExposition, valueOf } from './support/exposition.js';

/**
 * The canary must not show up in the user's figures (issue #14 item 13). Other tests use the
 * broker at the same time, so a stand-in in front of the API keeps only the objects of this
 * test's vhost in the answers: the world is then exactly one user queue with one consumer on
 * one channel of one connection, plus the canary's own queue, consumer, channel and connection.
 */
const available = await brokerAvailable();
const AUTH = 'Basic ' + Buffer.from('guest:guest').toString('base64');

let vhost = '';
let api: Server | undefined;
let ours: Ours | undefined;
let user: ChannelModel | undefined;

/** Keeps list items of `vhost` (paged or not); other answers pass unchanged. */
function onlyVhost(body: unknown, keep: (item: Record<string, unknown>) => boolean): unknown {
  if (Array.isArray(body)) return body.filter(keep);
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)) {
    const items = (body as { items: Record<string, unknown>[] }).items.filter(keep);
    return { ...body, items, item_count: items.length, filtered_count: items.length, total_count: items.length, page_count: 1 };
  }
  return body;
}

function apiForOneVhost(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url!, MGMT);
    // The filter needs each item's vhost, which the exporter does not ask for.
    const columns = url.searchParams.get('columns');
    if (columns) url.searchParams.set('columns', `${columns},vhost,queue`);
    const upstream = request(url, { headers: { authorization: AUTH, accept: 'application/json' } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        let body: unknown = JSON.parse(Buffer.concat(chunks).toString() || 'null');
        if (/^\/api\/(queues|connections|channels|exchanges)\/?$/.test(url.pathname)) body = onlyVhost(body, (i) => i.vhost === vhost);
        if (url.pathname === '/api/consumers') body = onlyVhost(body, (i) => (i.queue as { vhost?: string } | undefined)?.vhost === vhost);
        res.writeHead(r.statusCode ?? 502, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function listed(path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${(api!.address() as AddressInfo).port}${path}`);
  return ((await res.json()) as unknown[]).length;
}

beforeAll(async () => {
  if (!available) return;
  vhost = await createVhost('sk-canary-objects');
  const u = await amqpChannel(vhost);
  user = u.model;
  await u.channel.assertQueue('mine', { durable: false });
  await u.channel.consume('mine', () => {}, { noAck: true });
  api = await apiForOneVhost();
  const port = (api.address() as AddressInfo).port;
  ours = await startOurs([
    `--rabbitmq.url=http://127.0.0.1:${port}`, `--rabbitmq.amqp-url=${AMQP}/${encodeURIComponent(vhost)}`, '--rabbitmq.return-per-object-metrics',
  ]);
}, 60_000);

afterAll(async () => {
  await ours?.close();
  await user?.close().catch(() => {});
  api?.closeAllConnections();
  api?.close();
  if (vhost) await dropVhost(vhost);
});

describe.skipIf(!available)('the canary\'s own broker objects', () => {
  it('are left out of queues, consumers, connections, channels and the global families', async () => {
    // The first scrape opens the canary; then the API lists its objects beside the user's.
    expect(valueOf(parseExposition(await ours!.scrape()), 'rabbitmq_exporter_canary_success')).toBe(1);
    const apiShowsBoth = await eventually(async () =>
      (await listed('/api/queues')) === 2 && (await listed('/api/consumers')) === 2 && (await listed('/api/connections')) === 2
      && (await listed('/api/channels')) === 2, 60_000);
    expect(apiShowsBoth).toBe(true);
    const m = parseExposition(await ours!.scrape());
    expect({
      queues: valueOf(m, 'rabbitmq_queues'), consumers: valueOf(m, 'rabbitmq_consumers'),
      connections: valueOf(m, 'rabbitmq_connections'), channels: valueOf(m, 'rabbitmq_channels'),
      globalConsumers: valueOf(m, 'rabbitmq_global_consumers'),
      queueSeries: m.get('rabbitmq_queue_messages_ready')?.samples.map((s) => s.labels.queue),
    }).toEqual({ queues: 1, consumers: 1, connections: 1, channels: 1, globalConsumers: 1, queueSeries: ['mine'] });
    // The canary publishes on its channel; the user's channel never did.
    expect(valueOf(m, 'rabbitmq_global_publishers')).toBe(0);
  }, 90_000);
});
