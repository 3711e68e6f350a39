import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { silentLogger } from '@scrapekit/exporter-kit';
import { startExporter, type RunningExporter } from '@scrapekit/exporter-kit';
import { requireDependency, tcpReachable } from '../../../../test/support/services.js';
import { spec } from '../../src/spec.js';

export const MGMT = 'http://127.0.0.1:15672';
export const AMQP = 'amqp://guest:guest@127.0.0.1:5672';
export const PLUGIN = 'http://127.0.0.1:15692';
const AUTH = 'Basic ' + Buffer.from('guest:guest').toString('base64');

/** True when RabbitMQ with its management API is here; in CI its absence fails the suite. */
export async function brokerAvailable(): Promise<boolean> {
  const ok = (await tcpReachable(5672)) && (await tcpReachable(15672));
  return requireDependency(ok, 'RabbitMQ on 127.0.0.1:5672 with the management API on :15672');
}

export async function pluginAvailable(): Promise<boolean> {
  return requireDependency(await tcpReachable(15692), 'the rabbitmq_prometheus plugin on 127.0.0.1:15692');
}

export async function mgmt<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(MGMT + path, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Forwards one request to the real management API (for stand-ins placed in front of it). */
export function forwardToApi(req: IncomingMessage, res: ServerResponse): void {
  const up = request(new URL(req.url!, MGMT), { headers: req.headers }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  up.on('error', () => res.writeHead(502).end());
  up.end();
}

/** A fresh vhost the guest user may use; delete it with dropVhost. */
export async function createVhost(prefix: string): Promise<string> {
  const vhost = `${prefix}-${randomBytes(4).toString('hex')}`;
  await mgmt('PUT', `/api/vhosts/${encodeURIComponent(vhost)}`, {});
  await mgmt('PUT', `/api/permissions/${encodeURIComponent(vhost)}/guest`, { configure: '.*', write: '.*', read: '.*' });
  return vhost;
}

export async function dropVhost(vhost: string): Promise<void> {
  await mgmt('DELETE', `/api/vhosts/${encodeURIComponent(vhost)}`).catch(() => {});
}

/** Declares `count` durable idle queues in one definitions import (fast even for 10k). */
export async function declareQueues(vhost: string, count: number, prefix = 'q'): Promise<void> {
  const queues = Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${String(i).padStart(6, '0')}`, vhost, durable: true, auto_delete: false, arguments: {},
  }));
  await mgmt('POST', '/api/definitions', { queues });
}

export async function amqpChannel(vhost: string): Promise<{ model: ChannelModel; channel: Channel }> {
  const model = await amqp.connect(`${AMQP}/${encodeURIComponent(vhost)}`);
  const channel = await model.createChannel();
  return { model, channel };
}

export interface Ours {
  readonly url: string;
  readonly exporter: RunningExporter;
  scrape(path?: string): Promise<string>;
  close(): Promise<void>;
}

/** Runs our exporter in-process on a free port with the given flags. */
export async function startOurs(args: readonly string[]): Promise<Ours> {
  const exporter = await startExporter(spec, {
    argv: ['--web.listen-address=127.0.0.1:0', ...args],
    env: {},
    logger: silentLogger,
  });
  const url = `http://${exporter.addresses[0]}`;
  return {
    url,
    exporter,
    async scrape(path = '/metrics') {
      const res = await fetch(url + path);
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return res.text();
    },
    close: () => exporter.close(),
  };
}

/**
 * Polls until `check` returns true (the management API refreshes its statistics every 5 s, later
 * when the broker is busy); callers assert afterwards, so a timeout shows the last state.
 */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000, stepMs = 500): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
}
