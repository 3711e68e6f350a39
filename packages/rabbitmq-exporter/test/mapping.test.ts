import { describe, expect, it } from 'vitest';
import type { ChannelRecord, ConnectionRecord, NodeRecord, OverviewRecord, Page, QueueRecord } from '../src/api-types.js';
import type { DetailedFamily } from '../src/endpoint.js';
import { isCanaryPeer, isCanaryQueue, type CanaryObjects } from '../src/mapping/canary.js';
import { channelAggregate, connectionAggregate, CHANNEL_COLUMNS, CHANNEL_METRICS, CONNECTION_COLUMNS } from '../src/mapping/channel.js';
import { gatedByFeatureFlags, prefixedSink } from '../src/mapping/fields.js';
import { NODE_COLUMNS, NODE_METRICS, mapNode } from '../src/mapping/node.js';
import { globalReporter, mapGlobalCounters, mapGlobalObjects, type GlobalObjects } from '../src/mapping/global.js';
import { mapBuildInfo, mapIdentity } from '../src/mapping/overview.js';
import { CHEAP_QUEUE_COLUMNS, detailedQueueTable, mapQueue, queueColumns, queueSelected, queueTable } from '../src/mapping/queue.js';
import { fixture, mapped, sampleValue } from './support/fixtures.js';

const ALL_FLAGS: ReadonlySet<string> = new Set(['drop_unroutable_metric', 'empty_basic_get_metric']);

const nodes = fixture<NodeRecord[]>('nodes.json');
const overview = fixture<OverviewRecord>('overview.json');
const queues = fixture<Page<QueueRecord>>('queues-page.json').items;
const channels = fixture<Page<ChannelRecord>>('channels-page.json').items;
const connections = fixture<Page<ConnectionRecord>>('connections-page.json').items;

describe('node mapping (/api/nodes)', () => {
  const node = nodes[0]!;
  const f = mapped((out) => mapNode(node, out));

  it('maps resources to the plugin names, types and base units', () => {
    expect(sampleValue(f, 'rabbitmq_process_open_fds')).toBe(node.fd_used);
    expect(sampleValue(f, 'rabbitmq_process_max_fds')).toBe(node.fd_total);
    expect(sampleValue(f, 'rabbitmq_process_resident_memory_bytes')).toBe(node.mem_used);
    expect(sampleValue(f, 'rabbitmq_resident_memory_limit_bytes')).toBe(node.mem_limit);
    expect(sampleValue(f, 'rabbitmq_disk_space_available_bytes')).toBe(node.disk_free);
    expect(sampleValue(f, 'rabbitmq_disk_space_available_limit_bytes')).toBe(node.disk_free_limit);
    expect(sampleValue(f, 'rabbitmq_erlang_processes_used')).toBe(node.proc_used);
    expect(sampleValue(f, 'rabbitmq_erlang_uptime_seconds')).toBeCloseTo(node.uptime! / 1000, 9);
    expect(f.get('rabbitmq_process_open_fds')!.type).toBe('gauge');
    expect(f.get('rabbitmq_connections_opened_total')!.type).toBe('counter');
    expect(sampleValue(f, 'rabbitmq_connections_opened_total')).toBe(node.connection_created);
    expect(sampleValue(f, 'rabbitmq_schema_db_disk_tx_total')).toBe(node.mnesia_disk_tx_count);
  });

  it('turns alarm booleans into 0/1 untyped samples', () => {
    expect(f.get('rabbitmq_alarms_memory_used_watermark')!.type).toBe('untyped');
    expect(sampleValue(f, 'rabbitmq_alarms_memory_used_watermark')).toBe(node.mem_alarm ? 1 : 0);
    const alarmed = mapped((out) => mapNode({ ...node, mem_alarm: true, disk_free_alarm: true }, out));
    expect(sampleValue(alarmed, 'rabbitmq_alarms_memory_used_watermark')).toBe(1);
    expect(sampleValue(alarmed, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(1);
  });

  it('writes every mapped field of the recorded node, each once and unlabelled', () => {
    expect([...f.keys()].sort()).toEqual(NODE_METRICS.map((m) => m.name).sort());
    for (const fam of f.values()) expect(fam.samples).toEqual([{ suffix: '', labels: {}, value: expect.any(Number) }]);
  });

  it('writes nothing for a stopped node, which the API lists with name and running only', () => {
    expect(mapped((out) => mapNode({ name: 'rabbit@gone', running: false }, out)).size).toBe(0);
  });

  it('requests exactly the columns it maps, plus name and running', () => {
    expect(NODE_COLUMNS).toEqual(['name', 'running', ...NODE_METRICS.map((m) => m.source)]);
  });
});

describe('queue mapping (/api/queues)', () => {
  const audit = queues.find((q) => q.name === 'audit')!;
  const orders = queues.find((q) => q.name === 'orders')!;
  const f = mapped((out) => {
    for (const q of queues) mapQueue(q, queueTable('full'), out);
  });
  const lbl = (q: QueueRecord) => ({ vhost: q.vhost, queue: q.name });

  it('labels every sample {vhost, queue} like the per-object endpoint', () => {
    for (const fam of f.values()) for (const s of fam.samples) expect(Object.keys(s.labels)).toEqual(['vhost', 'queue']);
  });

  it('maps the recorded depths: 4 ready + 2 unacked on audit, 4 persistent ready on orders', () => {
    expect(sampleValue(f, 'rabbitmq_queue_messages_ready', lbl(audit))).toBe(4);
    expect(sampleValue(f, 'rabbitmq_queue_messages_unacked', lbl(audit))).toBe(2);
    expect(sampleValue(f, 'rabbitmq_queue_messages', lbl(audit))).toBe(6);
    expect(sampleValue(f, 'rabbitmq_queue_consumers', lbl(audit))).toBe(1);
    expect(sampleValue(f, 'rabbitmq_queue_messages_ready', lbl(orders))).toBe(4);
    expect(sampleValue(f, 'rabbitmq_queue_messages_persistent', lbl(orders))).toBe(4);
    expect(sampleValue(f, 'rabbitmq_queue_messages_unacked_bytes', lbl(audit))).toBe(audit.message_bytes_unacknowledged);
    expect(sampleValue(f, 'rabbitmq_queue_messages_published_total', lbl(orders))).toBe(4);
    expect(f.get('rabbitmq_queue_messages_published_total')!.type).toBe('counter');
    expect(f.get('rabbitmq_queue_process_reductions_total')!.type).toBe('counter');
  });

  it('leaves out a head timestamp the API reports as null instead of inventing one', () => {
    expect(audit.head_message_timestamp).toBeNull();
    expect(f.has('rabbitmq_queue_head_message_timestamp')).toBe(false);
    const stamped = mapped((out) => mapQueue({ ...audit, head_message_timestamp: 1_700_000_000 }, queueTable('full'), out));
    expect(sampleValue(stamped, 'rabbitmq_queue_head_message_timestamp')).toBe(1_700_000_000);
  });

  it('leaves out every field of a queue whose stats have not arrived yet', () => {
    const fresh = mapped((out) => mapQueue({ name: 'new', vhost: '/' }, queueTable('full'), out));
    expect(fresh.size).toBe(0);
  });

  it('coarse mode writes and requests only depth and consumers', () => {
    const coarse = mapped((out) => mapQueue(audit, queueTable('coarse'), out));
    expect([...coarse.keys()].sort()).toEqual([
      'rabbitmq_queue_consumers', 'rabbitmq_queue_messages', 'rabbitmq_queue_messages_ready', 'rabbitmq_queue_messages_unacked',
    ]);
    expect(queueColumns('coarse')).toEqual(['name', 'vhost', 'node', 'messages_ready', 'messages_unacknowledged', 'messages', 'consumers']);
    expect(queueColumns('full')).toContain('message_stats.publish');
  });

  it('applies include/exclude regexes to vhost and queue name', () => {
    const q = { vhost: 'prod', name: 'amq.gen-abc' };
    expect(queueSelected(q, {})).toBe(true);
    expect(queueSelected(q, { includeVhost: /^prod$/ })).toBe(true);
    expect(queueSelected(q, { includeVhost: /^dev$/ })).toBe(false);
    expect(queueSelected(q, { excludeVhost: /prod/ })).toBe(false);
    expect(queueSelected(q, { excludeQueue: /^amq\.gen-/ })).toBe(false);
    expect(queueSelected(q, { includeQueue: /^orders/ })).toBe(false);
  });
});

describe('channel and connection aggregation', () => {
  it('counts and sums the recorded channel like the aggregated endpoint', () => {
    const agg = channelAggregate(ALL_FLAGS);
    for (const c of channels) agg.add(c);
    const f = mapped((out) => agg.emit(out));
    expect(sampleValue(f, 'rabbitmq_channels')).toBe(1);
    expect(sampleValue(f, 'rabbitmq_channel_consumers')).toBe(1);
    expect(sampleValue(f, 'rabbitmq_channel_messages_unacked')).toBe(2);
    expect(sampleValue(f, 'rabbitmq_consumer_prefetch')).toBe(2);
    expect(sampleValue(f, 'rabbitmq_channel_messages_published_total')).toBe(10);
    expect(sampleValue(f, 'rabbitmq_channel_messages_delivered_ack_total')).toBe(2);
    expect(sampleValue(f, 'rabbitmq_channel_messages_delivered_total')).toBe(0);
    for (const fam of f.values()) expect(fam.samples[0]!.labels).toEqual({});
  });

  it('sums over several channels', () => {
    const agg = channelAggregate(ALL_FLAGS);
    agg.add({ consumer_count: 2, message_stats: { publish: 5 } });
    agg.add({ consumer_count: 3, message_stats: { publish: 7 } });
    const f = mapped((out) => agg.emit(out));
    expect(sampleValue(f, 'rabbitmq_channels')).toBe(2);
    expect(sampleValue(f, 'rabbitmq_channel_consumers')).toBe(5);
    expect(sampleValue(f, 'rabbitmq_channel_messages_published_total')).toBe(12);
    // No channel reported acks_uncommitted: unknown, so absent rather than 0.
    expect(f.has('rabbitmq_channel_acks_uncommitted')).toBe(false);
  });

  it('reports zeros, not gaps, for a node with no connections', () => {
    const f = mapped((out) => connectionAggregate().emit(out));
    expect(sampleValue(f, 'rabbitmq_connections')).toBe(0);
    expect(sampleValue(f, 'rabbitmq_connection_incoming_bytes_total')).toBe(0);
  });

  it('maps the recorded connection', () => {
    const agg = connectionAggregate();
    for (const c of connections) agg.add(c);
    const f = mapped((out) => agg.emit(out));
    expect(sampleValue(f, 'rabbitmq_connections')).toBe(connections.length);
    expect(sampleValue(f, 'rabbitmq_connection_channels')).toBe(connections.reduce((s, c) => s + (c.channels ?? 0), 0));
    expect(sampleValue(f, 'rabbitmq_connection_incoming_bytes_total')).toBe(connections.reduce((s, c) => s + (c.recv_oct ?? 0), 0));
  });

});

describe('overview mapping (/api/overview)', () => {
  it('writes one identity_info naming the node and cluster', () => {
    const f = mapped((out) => mapIdentity({ node: 'rabbit@a', cluster: overview.cluster_name! }, out));
    expect(f.get('rabbitmq_identity_info')).toEqual({
      name: 'rabbitmq_identity_info', help: expect.any(String), type: 'untyped',
      samples: [{ suffix: '', labels: { rabbitmq_node: 'rabbit@a', rabbitmq_cluster: 'rabbit@vm' }, value: 1 }],
    });
  });

  it('adds rabbitmq_endpoint only when asked to (RabbitMQ 4.1+ dashboards)', () => {
    const f = mapped((out) => mapIdentity({ node: 'rabbit@a', cluster: 'c', endpoint: 'aggregated' }, out));
    expect(f.get('rabbitmq_identity_info')!.samples[0]!.labels).toEqual({ rabbitmq_node: 'rabbit@a', rabbitmq_cluster: 'c', rabbitmq_endpoint: 'aggregated' });
  });

  // toStrictEqual: a label set to undefined (instead of left out) fails it, where toEqual would pass.
  it.each([
    { record: overview, labels: { rabbitmq_version: '3.10.8', erlang_version: '25.2.3' } },
    { record: { erlang_version: '26.2.5' }, labels: { erlang_version: '26.2.5' } },
    { record: { rabbitmq_version: '4.1.0' }, labels: { rabbitmq_version: '4.1.0' } },
    { record: { rabbitmq_version: '', erlang_version: '' }, labels: {} },
  ])('writes build info with exactly the versions the overview reports: $labels', ({ record, labels }) => {
    expect(mapped((out) => mapBuildInfo(record as OverviewRecord, out)).get('rabbitmq_build_info')).toStrictEqual({
      name: 'rabbitmq_build_info', help: 'RabbitMQ and Erlang versions of the broker (always 1)', type: 'untyped',
      samples: [{ suffix: '', labels, value: 1 }],
    });
  });

  it('maps overview message_stats to the closest global counters', () => {
    const f = mapped((out) => mapGlobalCounters(overview, ALL_FLAGS, out));
    expect(sampleValue(f, 'rabbitmq_global_messages_received_total')).toBe(18);
    expect(sampleValue(f, 'rabbitmq_global_messages_delivered_total')).toBe(7);
    expect(sampleValue(f, 'rabbitmq_global_messages_delivered_consume_manual_ack_total')).toBe(4);
    expect(sampleValue(f, 'rabbitmq_global_messages_delivered_consume_auto_ack_total')).toBe(3);
    expect(sampleValue(f, 'rabbitmq_global_messages_unroutable_dropped_total')).toBe(0);
    expect(sampleValue(f, 'rabbitmq_global_messages_get_empty_total')).toBe(0);
    // Not in /api/overview: written from listings by the global collector, never here.
    expect(f.has('rabbitmq_global_messages_routed_total')).toBe(false);
    expect(f.has('rabbitmq_global_messages_received_confirm_total')).toBe(false);
  });

  it('leaves the flag-gated counters out while their feature flags are disabled or unknown', () => {
    for (const flags of [new Set(['quorum_queue']), undefined]) {
      const f = mapped((out) => mapGlobalCounters(overview, flags, out));
      expect(f.has('rabbitmq_global_messages_unroutable_dropped_total')).toBe(false);
      expect(f.has('rabbitmq_global_messages_get_empty_total')).toBe(false);
      expect(sampleValue(f, 'rabbitmq_global_messages_received_total')).toBe(18);
    }
    const onlyDrop = mapped((out) => mapGlobalCounters(overview, new Set(['drop_unroutable_metric']), out));
    expect([onlyDrop.has('rabbitmq_global_messages_unroutable_dropped_total'), onlyDrop.has('rabbitmq_global_messages_get_empty_total')]).toEqual([true, false]);
  });

  it('gates the channel counterparts by the same flags', () => {
    const agg = channelAggregate(new Set());
    agg.add({ message_stats: { drop_unroutable: 0, get_empty: 0, publish: 1 } });
    const f = mapped((out) => agg.emit(out));
    expect(f.has('rabbitmq_channel_messages_unroutable_dropped_total')).toBe(false);
    expect(f.has('rabbitmq_channel_get_empty_total')).toBe(false);
    expect(sampleValue(f, 'rabbitmq_channel_messages_published_total')).toBe(1);
  });

  it('writes the listing-derived global families with the plugin\'s types', () => {
    const f = mapped((out) => mapGlobalObjects({ publishers: 2, consumers: 3, routed: 40, receivedConfirm: 7 }, out));
    expect([...f.values()].map((x) => [x.name, x.type, x.samples[0]!.value])).toEqual([
      ['rabbitmq_global_publishers', 'gauge', 2], ['rabbitmq_global_consumers', 'gauge', 3],
      ['rabbitmq_global_messages_routed_total', 'counter', 40], ['rabbitmq_global_messages_received_confirm_total', 'counter', 7],
    ]);
  });

  it.each<{ objects: GlobalObjects; name: string; type: string; help: string; value: number }>([
    { objects: { publishers: 0 }, name: 'rabbitmq_global_publishers', type: 'gauge', help: 'Channels in the cluster that have published messages', value: 0 },
    { objects: { consumers: 3 }, name: 'rabbitmq_global_consumers', type: 'gauge', help: 'Consumers in the cluster', value: 3 },
    {
      objects: { routed: 40 }, name: 'rabbitmq_global_messages_routed_total', type: 'counter', value: 40,
      help: 'Messages routed to queues in the cluster, once per destination queue (exporter-kept total of exchange publish_out)',
    },
    {
      objects: { receivedConfirm: 7 }, name: 'rabbitmq_global_messages_received_confirm_total', type: 'counter', value: 7,
      help: 'Messages published in the cluster on channels in confirm or transactional mode (exporter-kept total)',
    },
  ])('writes $name alone, with its HELP, when only it is known', ({ objects, name, type, help, value }) => {
    expect([...mapped((out) => mapGlobalObjects(objects, out)).values()]).toEqual([{ name, type, help, samples: [{ suffix: '', labels: {}, value }] }]);
  });

  it('writes no listing-derived global family when no listing was read', () => {
    expect(mapped((out) => mapGlobalObjects({}, out)).size).toBe(0);
  });

  it('writes no global counters before the broker has any message stats', () => {
    expect(mapped((out) => mapGlobalCounters({ ...overview, message_stats: {} }, ALL_FLAGS, out)).size).toBe(0);
  });

  it('picks one deterministic reporter for cluster-wide counters', () => {
    expect(globalReporter(['rabbit@c', 'rabbit@a', 'rabbit@b'])).toBe('rabbit@a');
    expect(globalReporter([])).toBeUndefined();
  });
});

describe('columns requested from the management API', () => {
  it.each([
    {
      listing: 'channels', columns: CHANNEL_COLUMNS,
      expected: [
        'node', 'connection_details', 'consumer_count', 'messages_unacknowledged', 'messages_unconfirmed', 'messages_uncommitted',
        'acks_uncommitted', 'prefetch_count', 'global_prefetch_count', 'reductions', 'message_stats.publish', 'message_stats.confirm',
        'message_stats.return_unroutable', 'message_stats.drop_unroutable', 'message_stats.get', 'message_stats.get_no_ack',
        'message_stats.deliver', 'message_stats.deliver_no_ack', 'message_stats.redeliver', 'message_stats.ack', 'message_stats.get_empty',
      ],
    },
    {
      listing: 'connections', columns: CONNECTION_COLUMNS,
      expected: ['node', 'peer_host', 'peer_port', 'channels', 'recv_oct', 'send_oct', 'recv_cnt', 'send_cnt', 'send_pend', 'reductions'],
    },
    {
      listing: 'queues, cheap listing', columns: CHEAP_QUEUE_COLUMNS,
      expected: ['name', 'vhost', 'node', 'messages', 'messages_ready', 'messages_unacknowledged'],
    },
    {
      listing: 'queues, full listing', columns: queueColumns('full'),
      expected: [
        'name', 'vhost', 'node', 'messages_ready', 'messages_unacknowledged', 'messages', 'consumers', 'consumer_capacity',
        'consumer_utilisation', 'memory', 'messages_ram', 'message_bytes_ram', 'messages_ready_ram', 'messages_unacknowledged_ram',
        'messages_persistent', 'message_bytes_persistent', 'message_bytes', 'message_bytes_ready', 'message_bytes_unacknowledged',
        'messages_paged_out', 'message_bytes_paged_out', 'head_message_timestamp', 'disk_reads', 'disk_writes', 'reductions',
        'message_stats.publish',
      ],
    },
  ])('$listing: placement, what recognises the canary\'s objects, then each mapped field once', ({ columns, expected }) => {
    expect(columns).toEqual(expected);
  });
});

describe('the canary\'s own objects, left out of the user\'s figures', () => {
  const canary: CanaryObjects = { vhost: '/', queue: 'amq.gen-canary', peerHost: '10.0.0.5', peerPort: 40123 };
  /** Before its connection is up the canary has no local address. */
  const unconnected: CanaryObjects = { vhost: '/', queue: 'amq.gen-canary' };

  it.each([
    { what: 'its queue', c: canary, q: { name: 'amq.gen-canary', vhost: '/' }, expected: true },
    { what: 'any queue while there is no canary', c: undefined, q: { name: 'amq.gen-canary', vhost: '/' }, expected: false },
    { what: 'a queue of its name in another vhost', c: canary, q: { name: 'amq.gen-canary', vhost: 'prod' }, expected: false },
    { what: 'another queue in its vhost', c: canary, q: { name: 'orders', vhost: '/' }, expected: false },
  ])('isCanaryQueue: $what → $expected', ({ c, q, expected }) => {
    expect(isCanaryQueue(c, q)).toBe(expected);
  });

  it.each([
    { what: 'its connection', c: canary, peer: { peer_host: '10.0.0.5', peer_port: 40123 }, expected: true },
    { what: 'any peer while there is no canary', c: undefined, peer: { peer_host: '10.0.0.5', peer_port: 40123 }, expected: false },
    { what: 'an address-less peer while the canary is not connected', c: unconnected, peer: {}, expected: false },
    { what: 'a channel without connection details', c: canary, peer: undefined, expected: false },
    { what: 'another port on its host', c: canary, peer: { peer_host: '10.0.0.5', peer_port: 40124 }, expected: false },
    { what: 'its port on another host', c: canary, peer: { peer_host: '10.0.0.6', peer_port: 40123 }, expected: false },
  ])('isCanaryPeer: $what → $expected', ({ c, peer, expected }) => {
    expect(isCanaryPeer(c, peer)).toBe(expected);
  });
});

describe('detailed endpoint (/metrics/detailed?family=…)', () => {
  const COARSE = ['rabbitmq_queue_messages_ready', 'rabbitmq_queue_messages_unacked', 'rabbitmq_queue_messages'];
  const REDUCTIONS = 'rabbitmq_queue_process_reductions_total';
  const CONSUMERS = 'rabbitmq_queue_consumers';
  /** The plugin's queue_metrics family besides queue_consumers, in its order. */
  const QUEUE_METRICS = [
    'rabbitmq_queue_consumer_capacity', 'rabbitmq_queue_consumer_utilisation', 'rabbitmq_queue_process_memory_bytes',
    'rabbitmq_queue_messages_ram', 'rabbitmq_queue_messages_ram_bytes', 'rabbitmq_queue_messages_ready_ram',
    'rabbitmq_queue_messages_unacked_ram', 'rabbitmq_queue_messages_persistent', 'rabbitmq_queue_messages_persistent_bytes',
    'rabbitmq_queue_messages_bytes', 'rabbitmq_queue_messages_ready_bytes', 'rabbitmq_queue_messages_unacked_bytes',
    'rabbitmq_queue_messages_paged_out', 'rabbitmq_queue_messages_paged_out_bytes', 'rabbitmq_queue_head_message_timestamp',
    'rabbitmq_queue_disk_reads_total', 'rabbitmq_queue_disk_writes_total',
  ];

  it.each<{ families: DetailedFamily[]; full: boolean; names: string[] }>([
    { families: [], full: true, names: [] },
    { families: ['node_metrics', 'connection_churn_metrics'], full: true, names: [] },
    { families: ['queue_coarse_metrics'], full: false, names: COARSE },
    { families: ['queue_coarse_metrics'], full: true, names: [...COARSE, REDUCTIONS] },
    { families: ['queue_consumer_count'], full: false, names: [CONSUMERS] },
    { families: ['queue_metrics'], full: true, names: [CONSUMERS, ...QUEUE_METRICS] },
    { families: ['queue_metrics', 'queue_consumer_count', 'queue_coarse_metrics'], full: true, names: [...COARSE, REDUCTIONS, CONSUMERS, ...QUEUE_METRICS] },
  ])('family=$families with full listing $full maps exactly the plugin\'s queue families', ({ families, full, names }) => {
    expect(detailedQueueTable(new Set(families), full).map((m) => m.name)).toEqual(names);
  });

  it('writes the chosen families of the recorded queue under rabbitmq_detailed_ names, with their types', () => {
    const audit = queues.find((q) => q.name === 'audit')!;
    const table = detailedQueueTable(new Set(['queue_coarse_metrics', 'queue_consumer_count']), false);
    const f = mapped((out) => mapQueue(audit, table, prefixedSink(out, 'rabbitmq_', 'rabbitmq_detailed_')));
    const labels = { vhost: 'scrapekit-fixture', queue: 'audit' };
    expect([...f.values()].map((x) => [x.name, x.type, x.samples])).toEqual([
      ['rabbitmq_detailed_queue_messages_ready', 'gauge', [{ suffix: '', labels, value: 4 }]],
      ['rabbitmq_detailed_queue_messages_unacked', 'gauge', [{ suffix: '', labels, value: 2 }]],
      ['rabbitmq_detailed_queue_messages', 'gauge', [{ suffix: '', labels, value: 6 }]],
      ['rabbitmq_detailed_queue_consumers', 'gauge', [{ suffix: '', labels, value: 1 }]],
    ]);
  });

  it('renames only the names that start with the prefix, and passes type, HELP, value and labels through', () => {
    const f = mapped((out) => {
      const sink = prefixedSink(out, 'rabbitmq_', 'rabbitmq_detailed_');
      sink.gauge('rabbitmq_queue_messages', 'depth', 6, { vhost: '/', queue: 'q' });
      sink.counter('rabbitmq_io_read_ops_total', 'reads', 5);
      sink.untyped('rabbitmq_alarms_memory_used_watermark', 'alarm', 1);
      sink.gauge('erlang_vm_process_count', 'processes', 7);
    });
    expect([...f.values()]).toEqual([
      { name: 'rabbitmq_detailed_queue_messages', help: 'depth', type: 'gauge', samples: [{ suffix: '', labels: { vhost: '/', queue: 'q' }, value: 6 }] },
      { name: 'rabbitmq_detailed_io_read_ops_total', help: 'reads', type: 'counter', samples: [{ suffix: '', labels: {}, value: 5 }] },
      { name: 'rabbitmq_detailed_alarms_memory_used_watermark', help: 'alarm', type: 'untyped', samples: [{ suffix: '', labels: {}, value: 1 }] },
      { name: 'erlang_vm_process_count', help: 'processes', type: 'gauge', samples: [{ suffix: '', labels: {}, value: 7 }] },
    ]);
  });
});

describe('feature-flag gating of a table', () => {
  const gatedOnly = CHANNEL_METRICS.filter((m) => m.featureFlag !== undefined);

  it.each([
    { enabled: undefined, names: [] },
    { enabled: ['quorum_queue'], names: [] },
    { enabled: ['empty_basic_get_metric'], names: ['rabbitmq_channel_get_empty_total'] },
    { enabled: ['drop_unroutable_metric', 'empty_basic_get_metric'], names: ['rabbitmq_channel_messages_unroutable_dropped_total', 'rabbitmq_channel_get_empty_total'] },
  ])('a table of gated metrics only keeps those whose flag is among $enabled', ({ enabled, names }) => {
    expect(gatedByFeatureFlags(gatedOnly, enabled && new Set(enabled)).map((m) => m.name)).toEqual(names);
  });
});
