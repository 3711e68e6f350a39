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

/**
 * The metric names the dashboards' panels query, read from rabbitmq/rabbitmq-server
 * deps/rabbitmq_prometheus/docker/grafana/dashboards/ (main 5b09e55, 2026-08, and v3.10.8 for
 * the names the older Overview had), sorted by what this exporter can do about them.
 */
const PANELS = {
  /** RabbitMQ-Overview.json (both versions): every panel must return data. */
  overview: [
    'rabbitmq_build_info', 'rabbitmq_channel_consumers', 'rabbitmq_channels', 'rabbitmq_channels_closed_total', 'rabbitmq_channels_opened_total',
    'rabbitmq_connections', 'rabbitmq_connections_closed_total', 'rabbitmq_connections_opened_total', 'rabbitmq_consumers',
    'rabbitmq_disk_space_available_bytes', 'rabbitmq_disk_space_available_limit_bytes', 'rabbitmq_erlang_uptime_seconds',
    'rabbitmq_global_consumers', 'rabbitmq_global_messages_acknowledged_total', 'rabbitmq_global_messages_confirmed_total',
    'rabbitmq_global_messages_delivered_consume_auto_ack_total', 'rabbitmq_global_messages_delivered_consume_manual_ack_total',
    'rabbitmq_global_messages_delivered_get_auto_ack_total', 'rabbitmq_global_messages_delivered_get_manual_ack_total',
    'rabbitmq_global_messages_delivered_total', 'rabbitmq_global_messages_received_confirm_total', 'rabbitmq_global_messages_received_total',
    'rabbitmq_global_messages_redelivered_total', 'rabbitmq_global_messages_routed_total', 'rabbitmq_global_messages_unroutable_returned_total',
    'rabbitmq_global_publishers', 'rabbitmq_process_max_fds', 'rabbitmq_process_max_tcp_sockets', 'rabbitmq_process_open_fds',
    'rabbitmq_process_open_tcp_sockets', 'rabbitmq_process_resident_memory_bytes', 'rabbitmq_queue_messages_ready',
    'rabbitmq_queue_messages_unacked', 'rabbitmq_queues', 'rabbitmq_queues_created_total', 'rabbitmq_queues_declared_total',
    'rabbitmq_queues_deleted_total', 'rabbitmq_resident_memory_limit_bytes',
  ],
  /** Overview panels the broker counts only behind a feature flag: absent while it is disabled. */
  overviewFlagGated: {
    rabbitmq_global_messages_unroutable_dropped_total: 'drop_unroutable_metric',
    rabbitmq_global_messages_get_empty_total: 'empty_basic_get_metric',
  } as Record<string, string>,
  /** Overview (4.1+) panels without any management API source: plugin only (README). */
  overviewPluginOnly: ['rabbitmq_message_size_bytes_bucket', 'rabbitmq_message_size_bytes_count', 'rabbitmq_message_size_bytes_sum'],
  /** Erlang-BEAM.json panels the API feeds; the node picker is label_values(erlang_vm_process_count, instance). */
  erlangBeam: [
    'erlang_vm_memory_bytes_total', 'erlang_vm_memory_system_bytes_total', 'erlang_vm_process_count', 'erlang_vm_process_limit',
    'erlang_vm_statistics_context_switches', 'erlang_vm_statistics_garbage_collection_bytes_reclaimed',
    'erlang_vm_statistics_garbage_collection_number_of_gcs', 'erlang_vm_statistics_run_queues_length', 'process_max_fds', 'process_open_fds',
  ],
  /** Erlang-BEAM and Erlang-Memory-Allocators panels without an API source: plugin only (README). */
  erlangPluginOnly: [
    'erlang_vm_allocators', 'erlang_vm_dets_tables', 'erlang_vm_ets_limit', 'erlang_vm_ets_tables', 'erlang_vm_port_count', 'erlang_vm_port_limit',
    'erlang_vm_statistics_bytes_output_total', 'erlang_vm_statistics_bytes_received_total', 'erlang_vm_statistics_dirty_cpu_run_queue_length',
    'erlang_vm_statistics_dirty_io_run_queue_length', 'erlang_vm_statistics_reductions_total', 'erlang_vm_statistics_run_queues_length_total',
    'erlang_vm_statistics_runtime_milliseconds',
  ],
};
const available = (await brokerAvailable()) && requireDependency(existsSync(PROMETHEUS), 'Prometheus server (Debian package prometheus)');

let vhost = '';
let node = '';
let cluster = '';
let ours: Ours | undefined;
let prometheus: Started | undefined;
let promUrl = '';
let dataDir = '';
let enabledFlags = new Set<string>();
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
  const flags = await mgmt<{ name: string; state: string }[]>('GET', '/api/feature-flags');
  enabledFlags = new Set(flags.filter((f) => f.state === 'enabled').map((f) => f.name));
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
    // Per-object, as the plugin's /metrics/per-object: the first test reads one queue's series.
    '  - job_name: rabbitmq', '    metrics_path: /probe', '    params:', '      endpoint: [per-object]', '    static_configs:', `      - targets: ['${node}']`,
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

  it('feeds every RabbitMQ-Overview panel the API can, and leaves the flag-gated and plugin-only ones absent', async () => {
    const panel = (name: string) =>
      name === 'rabbitmq_identity_info' ? `count(${name}{rabbitmq_cluster="${cluster}"})` : `count(${joined(name)})`;
    const gated = Object.keys(PANELS.overviewFlagGated);
    const expectedPresent = [...PANELS.overview, ...gated.filter((n) => enabledFlags.has(PANELS.overviewFlagGated[n]!))].sort();
    let present: string[] = [];
    // Message statistics reach the API one statistics interval after the scenario's traffic.
    await eventually(async () => {
      present = [];
      for (const name of [...PANELS.overview, ...gated, ...PANELS.overviewPluginOnly]) {
        if ((await query(panel(name))).length > 0) present.push(name);
      }
      return JSON.stringify(present.sort()) === JSON.stringify(expectedPresent);
    }, 60_000, 1000);
    expect(present.sort()).toEqual(expectedPresent);
  }, 90_000);

  it('feeds the Erlang-BEAM node picker and every API-backed panel, for the broker\'s node', async () => {
    const picker = await query('group by (instance) (erlang_vm_process_count)');
    expect(picker.map((s) => s.metric.instance)).toEqual([node]);
    const missing: string[] = [];
    for (const name of PANELS.erlangBeam) if ((await query(`${name}{instance="${node}"}`)).length === 0) missing.push(name);
    expect(missing).toEqual([]);
    // The File Descriptors panel shows the broker's descriptors, not the exporter's own.
    const fds = await query(`process_open_fds{instance="${node}"}`);
    expect(fds.map((s) => s.metric.rabbitmq_node)).toEqual([node]);
    const memory = await query(`erlang_vm_memory_system_bytes_total{instance="${node}"}`);
    expect(memory.map((s) => s.metric.usage).sort()).toEqual(['atom', 'binary', 'code', 'ets', 'other']);
    const pluginOnly: string[] = [];
    for (const name of PANELS.erlangPluginOnly) if ((await query(`count(${name})`)).length > 0) pluginOnly.push(name);
    expect(pluginOnly).toEqual([]);
  }, 60_000);
});
