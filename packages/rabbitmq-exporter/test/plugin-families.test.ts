import { describe, expect, it } from 'vitest';
import type { ChannelRecord, ConnectionRecord, NodeRecord, OverviewRecord, Page, QueueRecord } from '../src/api-types.js';
import { mapCanaryResult } from '../src/mapping/canary.js';
import { channelAggregate, connectionAggregate } from '../src/mapping/channel.js';
import { mapNode } from '../src/mapping/node.js';
import { mapGlobalCounters } from '../src/mapping/global.js';
import { mapBuildInfo, mapIdentity } from '../src/mapping/overview.js';
import { mapQueue, queueTable } from '../src/mapping/queue.js';
import { fixture, mapped, sampleValue } from './support/fixtures.js';

/**
 * The families the rabbitmq_prometheus plugin exposes per node and per queue, written out here
 * (plugin name, type, the management API field it comes from) rather than read from the mapping
 * tables, so a renamed family, a swapped source field or a wrong type breaks a dashboard query
 * and this test alike.
 */
const NODE_FAMILIES: ReadonlyArray<readonly [string, 'gauge' | 'counter' | 'untyped', string]> = [
  ['rabbitmq_process_open_fds', 'gauge', 'fd_used'],
  ['rabbitmq_process_max_fds', 'gauge', 'fd_total'],
  ['rabbitmq_process_open_tcp_sockets', 'gauge', 'sockets_used'],
  ['rabbitmq_process_max_tcp_sockets', 'gauge', 'sockets_total'],
  ['rabbitmq_process_resident_memory_bytes', 'gauge', 'mem_used'],
  ['rabbitmq_resident_memory_limit_bytes', 'gauge', 'mem_limit'],
  ['rabbitmq_disk_space_available_bytes', 'gauge', 'disk_free'],
  ['rabbitmq_disk_space_available_limit_bytes', 'gauge', 'disk_free_limit'],
  ['rabbitmq_erlang_processes_used', 'gauge', 'proc_used'],
  ['rabbitmq_erlang_processes_limit', 'gauge', 'proc_total'],
  ['rabbitmq_erlang_scheduler_run_queue', 'gauge', 'run_queue'],
  ['rabbitmq_erlang_net_ticktime_seconds', 'gauge', 'net_ticktime'],
  ['rabbitmq_erlang_gc_runs_total', 'counter', 'gc_num'],
  ['rabbitmq_erlang_gc_reclaimed_bytes_total', 'counter', 'gc_bytes_reclaimed'],
  ['rabbitmq_erlang_scheduler_context_switches_total', 'counter', 'context_switches'],
  ['rabbitmq_connections_opened_total', 'counter', 'connection_created'],
  ['rabbitmq_connections_closed_total', 'counter', 'connection_closed'],
  ['rabbitmq_channels_opened_total', 'counter', 'channel_created'],
  ['rabbitmq_channels_closed_total', 'counter', 'channel_closed'],
  ['rabbitmq_queues_declared_total', 'counter', 'queue_declared'],
  ['rabbitmq_queues_created_total', 'counter', 'queue_created'],
  ['rabbitmq_queues_deleted_total', 'counter', 'queue_deleted'],
  ['rabbitmq_io_read_ops_total', 'counter', 'io_read_count'],
  ['rabbitmq_io_read_bytes_total', 'counter', 'io_read_bytes'],
  ['rabbitmq_io_write_ops_total', 'counter', 'io_write_count'],
  ['rabbitmq_io_write_bytes_total', 'counter', 'io_write_bytes'],
  ['rabbitmq_io_sync_ops_total', 'counter', 'io_sync_count'],
  ['rabbitmq_io_seek_ops_total', 'counter', 'io_seek_count'],
  ['rabbitmq_io_reopen_ops_total', 'counter', 'io_reopen_count'],
  ['rabbitmq_schema_db_ram_tx_total', 'counter', 'mnesia_ram_tx_count'],
  ['rabbitmq_schema_db_disk_tx_total', 'counter', 'mnesia_disk_tx_count'],
  ['rabbitmq_msg_store_read_total', 'counter', 'msg_store_read_count'],
  ['rabbitmq_msg_store_write_total', 'counter', 'msg_store_write_count'],
  ['rabbitmq_queue_index_read_ops_total', 'counter', 'queue_index_read_count'],
  ['rabbitmq_queue_index_write_ops_total', 'counter', 'queue_index_write_count'],
];

const QUEUE_FAMILIES: ReadonlyArray<readonly [string, 'gauge' | 'counter', string]> = [
  ['rabbitmq_queue_messages_ready', 'gauge', 'messages_ready'],
  ['rabbitmq_queue_messages_unacked', 'gauge', 'messages_unacknowledged'],
  ['rabbitmq_queue_messages', 'gauge', 'messages'],
  ['rabbitmq_queue_consumers', 'gauge', 'consumers'],
  ['rabbitmq_queue_consumer_capacity', 'gauge', 'consumer_capacity'],
  ['rabbitmq_queue_consumer_utilisation', 'gauge', 'consumer_utilisation'],
  ['rabbitmq_queue_process_memory_bytes', 'gauge', 'memory'],
  ['rabbitmq_queue_messages_ram', 'gauge', 'messages_ram'],
  ['rabbitmq_queue_messages_ram_bytes', 'gauge', 'message_bytes_ram'],
  ['rabbitmq_queue_messages_ready_ram', 'gauge', 'messages_ready_ram'],
  ['rabbitmq_queue_messages_unacked_ram', 'gauge', 'messages_unacknowledged_ram'],
  ['rabbitmq_queue_messages_persistent', 'gauge', 'messages_persistent'],
  ['rabbitmq_queue_messages_persistent_bytes', 'gauge', 'message_bytes_persistent'],
  ['rabbitmq_queue_messages_bytes', 'gauge', 'message_bytes'],
  ['rabbitmq_queue_messages_ready_bytes', 'gauge', 'message_bytes_ready'],
  ['rabbitmq_queue_messages_unacked_bytes', 'gauge', 'message_bytes_unacknowledged'],
  ['rabbitmq_queue_messages_paged_out', 'gauge', 'messages_paged_out'],
  ['rabbitmq_queue_messages_paged_out_bytes', 'gauge', 'message_bytes_paged_out'],
  ['rabbitmq_queue_process_reductions_total', 'counter', 'reductions'],
  ['rabbitmq_queue_disk_reads_total', 'counter', 'disk_reads'],
  ['rabbitmq_queue_disk_writes_total', 'counter', 'disk_writes'],
];

/** Channel and connection families: the node's open channels/connections, summed. */
const CHANNEL_FAMILIES: ReadonlyArray<readonly [string, 'gauge' | 'counter', string]> = [
  ['rabbitmq_channel_consumers', 'gauge', 'consumer_count'],
  ['rabbitmq_channel_messages_unacked', 'gauge', 'messages_unacknowledged'],
  ['rabbitmq_channel_messages_unconfirmed', 'gauge', 'messages_unconfirmed'],
  ['rabbitmq_channel_messages_uncommitted', 'gauge', 'messages_uncommitted'],
  ['rabbitmq_channel_acks_uncommitted', 'gauge', 'acks_uncommitted'],
  ['rabbitmq_consumer_prefetch', 'gauge', 'prefetch_count'],
  ['rabbitmq_channel_prefetch', 'gauge', 'global_prefetch_count'],
  ['rabbitmq_channel_process_reductions_total', 'counter', 'reductions'],
  ['rabbitmq_channel_messages_published_total', 'counter', 'message_stats.publish'],
  ['rabbitmq_channel_messages_confirmed_total', 'counter', 'message_stats.confirm'],
  ['rabbitmq_channel_messages_unroutable_returned_total', 'counter', 'message_stats.return_unroutable'],
  ['rabbitmq_channel_messages_unroutable_dropped_total', 'counter', 'message_stats.drop_unroutable'],
  ['rabbitmq_channel_get_ack_total', 'counter', 'message_stats.get'],
  ['rabbitmq_channel_get_total', 'counter', 'message_stats.get_no_ack'],
  ['rabbitmq_channel_messages_delivered_ack_total', 'counter', 'message_stats.deliver'],
  ['rabbitmq_channel_messages_delivered_total', 'counter', 'message_stats.deliver_no_ack'],
  ['rabbitmq_channel_messages_redelivered_total', 'counter', 'message_stats.redeliver'],
  ['rabbitmq_channel_messages_acked_total', 'counter', 'message_stats.ack'],
  ['rabbitmq_channel_get_empty_total', 'counter', 'message_stats.get_empty'],
];

const CONNECTION_FAMILIES: ReadonlyArray<readonly [string, 'gauge' | 'counter', string]> = [
  ['rabbitmq_connection_channels', 'gauge', 'channels'],
  ['rabbitmq_connection_incoming_bytes_total', 'counter', 'recv_oct'],
  ['rabbitmq_connection_outgoing_bytes_total', 'counter', 'send_oct'],
  ['rabbitmq_connection_incoming_packets_total', 'counter', 'recv_cnt'],
  ['rabbitmq_connection_outgoing_packets_total', 'counter', 'send_cnt'],
  ['rabbitmq_connection_pending_packets', 'gauge', 'send_pend'],
  ['rabbitmq_connection_process_reductions_total', 'counter', 'reductions'],
];

/** The plugin's rabbitmq_global_* counters, from /api/overview message_stats. */
const GLOBAL_FAMILIES: ReadonlyArray<readonly [string, 'counter', string]> = [
  ['rabbitmq_global_messages_received_total', 'counter', 'message_stats.publish'],
  ['rabbitmq_global_messages_confirmed_total', 'counter', 'message_stats.confirm'],
  ['rabbitmq_global_messages_unroutable_returned_total', 'counter', 'message_stats.return_unroutable'],
  ['rabbitmq_global_messages_unroutable_dropped_total', 'counter', 'message_stats.drop_unroutable'],
  ['rabbitmq_global_messages_delivered_total', 'counter', 'message_stats.deliver_get'],
  ['rabbitmq_global_messages_delivered_consume_manual_ack_total', 'counter', 'message_stats.deliver'],
  ['rabbitmq_global_messages_delivered_consume_auto_ack_total', 'counter', 'message_stats.deliver_no_ack'],
  ['rabbitmq_global_messages_delivered_get_manual_ack_total', 'counter', 'message_stats.get'],
  ['rabbitmq_global_messages_delivered_get_auto_ack_total', 'counter', 'message_stats.get_no_ack'],
  ['rabbitmq_global_messages_get_empty_total', 'counter', 'message_stats.get_empty'],
  ['rabbitmq_global_messages_redelivered_total', 'counter', 'message_stats.redeliver'],
  ['rabbitmq_global_messages_acknowledged_total', 'counter', 'message_stats.ack'],
];

const node = fixture<NodeRecord[]>('nodes.json')[0]!;
const queues = fixture<Page<QueueRecord>>('queues-page.json').items;

/**
 * A record whose every field (dotted paths nest, as message_stats.publish) is a distinct number,
 * so a swapped source field shows as a wrong value; `valueAt` reads one back.
 */
function distinctValues(fields: readonly string[], base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  fields.forEach((field, i) => {
    const parts = field.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = 1000 + i;
  });
  return out;
}

function valueAt(record: unknown, field: string): unknown {
  return field.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], record);
}

type Families = ReadonlyArray<readonly [string, string, string]>;

function expectFamilies(f: Map<string, { type: string }>, families: Families, record: unknown, read: (name: string) => number | undefined): void {
  for (const [name, type, field] of families) {
    expect({ name, type: f.get(name)?.type, value: read(name) }).toEqual({ name, type, value: valueAt(record, field) });
  }
}

/** The broker feature flags that gate the unroutable-dropped and empty-get families, all enabled. */
const ALL_FEATURE_FLAGS: ReadonlySet<string> = new Set(['drop_unroutable_metric', 'empty_basic_get_metric']);

describe('node families as the rabbitmq_prometheus plugin names them', () => {
  it('writes each plugin family with its type and the value of its API field', () => {
    const fields = NODE_FAMILIES.map(([, , field]) => field);
    const record = distinctValues(fields, { name: node.name, running: true }) as unknown as NodeRecord;
    const f = mapped((out) => mapNode(record, out));
    for (const [name, type, field] of NODE_FAMILIES) {
      expect({ name, type: f.get(name)?.type, value: sampleValue(f, name) }).toEqual({ name, type, value: record[field as keyof NodeRecord] });
    }
  });

  it('reports the Erlang VM uptime in seconds, from the API milliseconds', () => {
    const f = mapped((out) => mapNode({ ...node, uptime: 90_500 }, out));
    expect(sampleValue(f, 'rabbitmq_erlang_uptime_seconds')).toBe(90.5);
    expect(f.get('rabbitmq_erlang_uptime_seconds')?.type).toBe('gauge');
  });

  it('reads the disk alarm from disk_free_alarm and the memory alarm from mem_alarm', () => {
    const diskOnly = mapped((out) => mapNode({ ...node, mem_alarm: false, disk_free_alarm: true }, out));
    expect(sampleValue(diskOnly, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(1);
    expect(sampleValue(diskOnly, 'rabbitmq_alarms_memory_used_watermark')).toBe(0);
  });

  it('gives every family a HELP text of its own', () => {
    const f = mapped((out) => mapNode(node, out));
    const helps = [...f.values()].map((fam) => fam.help);
    expect(helps.every((h) => h.trim().length > 0)).toBe(true);
    expect(new Set(helps).size).toBe(helps.length);
  });
});

describe('queue families as the rabbitmq_prometheus plugin names them', () => {
  it('writes each plugin family with its type and the value of its API field, labelled {vhost, queue}', () => {
    const fields = QUEUE_FAMILIES.map(([, , field]) => field);
    const record = distinctValues(fields, { name: 'q1', vhost: 'v1', message_stats: { publish: 7 }, head_message_timestamp: 1_700_000_000 }) as unknown as QueueRecord;
    const f = mapped((out) => mapQueue(record, queueTable('full'), out));
    const labels = { vhost: 'v1', queue: 'q1' };
    for (const [name, type, field] of QUEUE_FAMILIES) {
      expect({ name, type: f.get(name)?.type, value: sampleValue(f, name, labels) }).toEqual({ name, type, value: record[field as keyof QueueRecord] });
    }
    expect(sampleValue(f, 'rabbitmq_queue_messages_published_total', labels)).toBe(7);
    expect(sampleValue(f, 'rabbitmq_queue_head_message_timestamp', labels)).toBe(1_700_000_000);
  });

  it('leaves out the message_stats families of a queue whose message_stats is null', () => {
    const f = mapped((out) => mapQueue({ name: 'q1', vhost: 'v1', messages: 3, message_stats: null } as unknown as QueueRecord, queueTable('full'), out));
    expect([...f.keys()]).toEqual(['rabbitmq_queue_messages']);
  });

  it('gives every queue family a HELP text of its own', () => {
    const every = distinctValues(QUEUE_FAMILIES.map(([, , field]) => field), { name: 'q1', vhost: 'v1', message_stats: { publish: 7 }, head_message_timestamp: 1 });
    const f = mapped((out) => mapQueue(every as unknown as QueueRecord, queueTable('full'), out));
    expect(f.size).toBe(QUEUE_FAMILIES.length + 2);
    const helps = [...f.values()].map((fam) => fam.help);
    expect(helps.every((h) => h.trim().length > 0)).toBe(true);
    expect(new Set(helps).size).toBe(helps.length);
  });
});

describe('canary families', () => {
  it('a round trip reports success 1, its time in seconds and whether the connection is blocked', () => {
    const f = mapped((out) => mapCanaryResult({ success: true, roundTripSeconds: 0.012, blocked: false }, out));
    expect(sampleValue(f, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(sampleValue(f, 'rabbitmq_exporter_canary_round_trip_seconds')).toBe(0.012);
    expect(sampleValue(f, 'rabbitmq_exporter_canary_connection_blocked')).toBe(0);
    expect([...f.values()].map((fam) => fam.type)).toEqual(['gauge', 'gauge', 'gauge']);
    expect([...f.values()].every((fam) => fam.help.trim().length > 0)).toBe(true);
  });

  it('a failed canary on a blocked connection reports success 0, blocked 1 and no round-trip time', () => {
    const f = mapped((out) => mapCanaryResult({ success: false, blocked: true, error: 'timeout' }, out));
    expect(sampleValue(f, 'rabbitmq_exporter_canary_success')).toBe(0);
    expect(sampleValue(f, 'rabbitmq_exporter_canary_connection_blocked')).toBe(1);
    expect(f.has('rabbitmq_exporter_canary_round_trip_seconds')).toBe(false);
  });

  it('without a connection there is no blocked family, only success', () => {
    const f = mapped((out) => mapCanaryResult({ success: false, error: 'connection refused' }, out));
    expect([...f.keys()]).toEqual(['rabbitmq_exporter_canary_success']);
  });
});

describe('channel and connection families as the plugin names them', () => {
  it('sums each channel field over the node\'s channels into its plugin family', () => {
    const one = distinctValues(CHANNEL_FAMILIES.map(([, , field]) => field), { node: 'rabbit@a' });
    const agg = channelAggregate(ALL_FEATURE_FLAGS);
    agg.add(one as unknown as ChannelRecord);
    agg.add(one as unknown as ChannelRecord);
    const f = mapped((out) => agg.emit(out));
    const doubled = distinctValues(CHANNEL_FAMILIES.map(([, , field]) => field), {});
    for (const [, , field] of CHANNEL_FAMILIES) {
      const parts = field.split('.');
      const parent = parts.slice(0, -1).reduce<Record<string, unknown>>((at, p) => at[p] as Record<string, unknown>, doubled);
      parent[parts.at(-1)!] = 2 * (valueAt(one, field) as number);
    }
    expectFamilies(f, CHANNEL_FAMILIES, doubled, (name) => sampleValue(f, name));
    expect(sampleValue(f, 'rabbitmq_channels')).toBe(2);
  });

  it('sums each connection field into its plugin family and counts the connections', () => {
    const one = distinctValues(CONNECTION_FAMILIES.map(([, , field]) => field), { node: 'rabbit@a' });
    const agg = connectionAggregate();
    agg.add(one as unknown as ConnectionRecord);
    const f = mapped((out) => agg.emit(out));
    expectFamilies(f, CONNECTION_FAMILIES, one, (name) => sampleValue(f, name));
    expect(sampleValue(f, 'rabbitmq_connections')).toBe(1);
    expect([...f.values()].every((fam) => fam.help.trim().length > 0)).toBe(true);
  });

  it('names the channel and connection counts and gives each family its own HELP', () => {
    const f = mapped((out) => { channelAggregate(ALL_FEATURE_FLAGS).emit(out); connectionAggregate().emit(out); });
    expect(f.get('rabbitmq_channels')?.type).toBe('gauge');
    expect(f.get('rabbitmq_connections')?.type).toBe('gauge');
    const helps = [...f.values()].map((fam) => fam.help);
    expect(helps.every((h) => h.trim().length > 0)).toBe(true);
    expect(new Set(helps).size).toBe(helps.length);
  });
});

describe('global counters as the plugin names them', () => {
  it('writes each rabbitmq_global_* counter from its overview message_stats field', () => {
    const record = distinctValues(GLOBAL_FAMILIES.map(([, , field]) => field), {}) as unknown as OverviewRecord;
    const f = mapped((out) => mapGlobalCounters(record, ALL_FEATURE_FLAGS, out));
    expectFamilies(f, GLOBAL_FAMILIES, record, (name) => sampleValue(f, name));
    const helps = [...f.values()].map((fam) => fam.help);
    expect(helps.every((h) => h.trim().length > 0)).toBe(true);
    expect(new Set(helps).size).toBe(helps.length);
  });
});

describe('identity and build info', () => {
  it('labels identity_info with the permanent cluster id only when there is one, and gives it a HELP', () => {
    const withId = mapped((out) => mapIdentity({ node: 'rabbit@a', cluster: 'c', permanentId: 'rabbitmq-cluster-id-x' }, out));
    expect(withId.get('rabbitmq_identity_info')!.samples[0]!.labels)
      .toEqual({ rabbitmq_node: 'rabbit@a', rabbitmq_cluster: 'c', rabbitmq_cluster_permanent_id: 'rabbitmq-cluster-id-x' });
    expect(withId.get('rabbitmq_identity_info')!.help.trim()).not.toBe('');
    const without = mapped((out) => mapIdentity({ node: 'rabbit@a', cluster: 'c', permanentId: '', endpoint: '' }, out));
    expect(without.get('rabbitmq_identity_info')!.samples[0]!.labels).toEqual({ rabbitmq_node: 'rabbit@a', rabbitmq_cluster: 'c' });
  });

  it('leaves a version label out when the overview does not report it, and gives build_info a HELP', () => {
    const f = mapped((out) => mapBuildInfo({ rabbitmq_version: '3.10.8' } as OverviewRecord, out));
    expect(f.get('rabbitmq_build_info')!.samples[0]!.labels).toEqual({ rabbitmq_version: '3.10.8' });
    expect(f.get('rabbitmq_build_info')!.help.trim()).not.toBe('');
    const none = mapped((out) => mapBuildInfo({} as OverviewRecord, out));
    expect(none.get('rabbitmq_build_info')!.samples[0]!.labels).toEqual({});
  });
});
