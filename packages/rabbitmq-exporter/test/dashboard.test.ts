import type { ChannelModel } from 'amqplib';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp, type Started } from '../../../test/support/processes.js';
import { requireDependency } from '../../../test/support/services.js';
import { amqpChannel, brokerAvailable, createVhost, dropVhost, eventually, mgmt, startOurs, type Ours } from './support/broker.js';

/**
 * A real Prometheus scrapes the exporter through /probe with the per-node relabelling the README
 * documents, and evaluates expressions of the shapes the RabbitMQ-Overview dashboard and the
 * mixin use: every metric joined with `* on(instance) group_left(...) rabbitmq_identity_info`.
 * A many-to-many join would make Prometheus answer with an error instead of a result.
 */
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const available = (await brokerAvailable()) && requireDependency(existsSync(PROMETHEUS), 'Prometheus server (Debian package prometheus)');

let vhost = '';
let node = '';
let cluster = '';
let ours: Ours | undefined;
let prometheus: Started | undefined;
let promUrl = '';
let dataDir = '';
const connections: ChannelModel[] = [];

interface Series { metric: Record<string, string>; value: [number, string] }

async function query(expr: string): Promise<Series[]> {
  const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { status: string; error?: string; data?: { result: Series[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data!.result;
}

const joined = (metric: string, labels = 'rabbitmq_cluster, rabbitmq_node') =>
  `${metric} * on(instance) group_left(${labels}) rabbitmq_identity_info{rabbitmq_cluster="${cluster}"}`;

beforeAll(async () => {
  if (!available) return;
  ({ node, cluster_name: cluster } = await mgmt<{ node: string; cluster_name: string }>('GET', '/api/overview?columns=node,cluster_name'));
  vhost = await createVhost('sk-dash');
  const pub = await amqpChannel(vhost);
  connections.push(pub.model);
  await pub.channel.assertQueue('dash', { durable: false });
  for (let i = 0; i < 5; i++) pub.channel.sendToQueue('dash', Buffer.from(String(i)));
  const sub = await amqpChannel(vhost);
  connections.push(sub.model);
  await sub.channel.prefetch(1);
  await sub.channel.consume('dash', () => {}, { noAck: false });
  ours = await startOurs([`--rabbitmq.include-vhost=^${vhost}$`]);

  dataDir = mkdtempSync(join(tmpdir(), 'sk-rmq-prom-'));
  const exporterAddress = ours.url.replace('http://', '');
  writeFileSync(join(dataDir, 'prometheus.yml'), [
    'global:', '  scrape_interval: 2s', '  scrape_timeout: 2s', 'scrape_configs:',
    '  - job_name: rabbitmq', '    metrics_path: /probe', '    static_configs:', `      - targets: ['${node}']`,
    '    relabel_configs:',
    '      - source_labels: [__address__]', '        target_label: __param_node',
    '      - target_label: __param_target', '        replacement: http://127.0.0.1:15672',
    '      - source_labels: [__param_node]', '        target_label: instance',
    '      - target_label: __address__', `        replacement: ${exporterAddress}`,
    '',
  ].join('\n'));
  const port = await freePort();
  promUrl = `http://127.0.0.1:${port}`;
  prometheus = startProcess(PROMETHEUS, [
    `--config.file=${join(dataDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dataDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`,
  ]);
  await waitForHttp(`${promUrl}/-/ready`, 300);
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  await ours?.close();
  for (const c of connections) await c.close().catch(() => {});
  if (vhost) await dropVhost(vhost);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!available)('dashboard and mixin expressions on a real Prometheus', () => {
  it('resolve one-to-one through rabbitmq_identity_info with the per-node probe config', async () => {
    const queue = `{vhost="${vhost}",queue="dash"}`;
    let ready: Series[] = [];
    await eventually(async () => {
      ready = await query(`sum(${joined(`rabbitmq_queue_messages_ready${queue}`)})`);
      return ready[0]?.value[1] === '4';
    }, 40_000);
    // 5 published, prefetch 1: 4 ready, 1 unacked.
    expect(ready.map((s) => s.value[1])).toEqual(['4']);
    const unacked = await query(`sum by(rabbitmq_node) (${joined(`rabbitmq_queue_messages_unacked${queue}`)})`);
    expect(unacked.map((s) => [s.metric.rabbitmq_node, s.value[1]])).toEqual([[node, '1']]);

    // "Nodes" stat panel and "Memory available before publishers blocked".
    expect((await query(`sum(${joined('rabbitmq_build_info', 'rabbitmq_cluster')})`)).map((s) => s.value[1])).toEqual(['1']);
    const headroom = await query(`(${joined('rabbitmq_resident_memory_limit_bytes')}) - (${joined('rabbitmq_process_resident_memory_bytes')})`);
    expect(headroom).toHaveLength(1);
    expect(headroom[0]!.metric).toMatchObject({ rabbitmq_node: node, rabbitmq_cluster: cluster, instance: node });
    expect(Number(headroom[0]!.value[1])).toBeGreaterThan(0);

    // The mixin's file-descriptor alert ratio: one series, a fraction.
    const fds = await query('rabbitmq_process_open_fds / rabbitmq_process_max_fds');
    expect(fds).toHaveLength(1);
    expect(Number(fds[0]!.value[1])).toBeGreaterThan(0);
    expect(Number(fds[0]!.value[1])).toBeLessThan(1);
  }, 60_000);
});
