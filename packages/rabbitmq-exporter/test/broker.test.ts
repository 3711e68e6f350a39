import type { Channel, ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AMQP, amqpChannel, brokerAvailable, createVhost, dropVhost, eventually, mgmt, startOurs, type Ours,
} from './support/broker.js';
import { CANARY_CONNECTION_NAME } from '../src/canary.js';
import { parseExposition, valueOf } from './support/exposition.js';

/**
 * Against the real RabbitMQ: a scenario with known depths, consumers and unacked deliveries in
 * scratch vhosts, and the exported values asserted exactly.
 */
const available = await brokerAvailable();

interface Depth { ready: number; unacked: number; consumers: number }
const EXPECTED: Record<string, Depth> = {
  'ready-seven': { ready: 7, unacked: 0, consumers: 0 },
  // 10 published, one consumer with prefetch 3 that never acks: 3 unacked, 7 ready.
  unacked: { ready: 7, unacked: 3, consumers: 1 },
  'two-consumers': { ready: 0, unacked: 0, consumers: 2 },
  'rpc-reply': { ready: 1, unacked: 0, consumers: 0 },
};

let vhost = '';
let otherVhost = '';
let node = '';
let cluster = '';
const connections: ChannelModel[] = [];
let ours: Ours | undefined;
let filtered: Ours | undefined;
let aggregated: Ours | undefined;

/** A generous bound for the API's statistics to show what the test did, on a busy shared broker. */
const SETTLE_MS = 90_000;

async function publish(channel: Channel, queue: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) channel.sendToQueue(queue, Buffer.from(`${queue}-${i}`));
  await new Promise((r) => setImmediate(r));
}

/** Waits until the API's statistics show the scenario (the agent emits them every 5 s). */
async function statsSettled(): Promise<boolean> {
  const qs = await mgmt<{ name: string; messages_ready?: number; messages_unacknowledged?: number; consumers?: number; message_stats?: { publish?: number } }[]>(
    'GET', `/api/queues/${encodeURIComponent(vhost)}?columns=name,messages_ready,messages_unacknowledged,consumers,message_stats.publish`);
  const [elsewhere] = await mgmt<{ messages_ready?: number }[]>('GET', `/api/queues/${encodeURIComponent(otherVhost)}?columns=messages_ready`);
  if (elsewhere?.messages_ready !== 2) return false;
  return Object.entries(EXPECTED).every(([name, d]) => {
    const q = qs.find((x) => x.name === name);
    return q?.messages_ready === d.ready && q.messages_unacknowledged === d.unacked && q.consumers === d.consumers
      && (d.ready + d.unacked === 0 || q.message_stats?.publish === d.ready + d.unacked);
  });
}

beforeAll(async () => {
  if (!available) return;
  const ov = await mgmt<{ node: string; cluster_name: string }>('GET', '/api/overview?columns=node,cluster_name');
  node = ov.node;
  cluster = ov.cluster_name;
  vhost = await createVhost('sk-it');
  otherVhost = await createVhost('sk-it-other');
  const pub = await amqpChannel(vhost);
  connections.push(pub.model);
  for (const name of Object.keys(EXPECTED)) await pub.channel.assertQueue(name, { durable: false });
  await publish(pub.channel, 'ready-seven', 7);
  await publish(pub.channel, 'unacked', 10);
  await publish(pub.channel, 'rpc-reply', 1);
  const cons = await amqpChannel(vhost);
  connections.push(cons.model);
  await cons.channel.prefetch(3);
  await cons.channel.consume('unacked', () => {}, { noAck: false });
  await cons.channel.consume('two-consumers', () => {}, { noAck: true });
  await cons.channel.consume('two-consumers', () => {}, { noAck: true });
  const other = await amqpChannel(otherVhost);
  connections.push(other.model);
  await other.channel.assertQueue('elsewhere', { durable: false });
  await publish(other.channel, 'elsewhere', 2);
  if (!(await eventually(statsSettled, SETTLE_MS))) throw new Error(`the API did not show the scenario within ${SETTLE_MS} ms`);
  ours = await startOurs([`--rabbitmq.amqp-url=${AMQP}`, '--rabbitmq.return-per-object-metrics', '--rabbitmq.queue-metrics=full']);
  filtered = await startOurs([
    `--rabbitmq.include-vhost=^${vhost}$`, '--rabbitmq.exclude-queue=^rpc-', '--rabbitmq.return-per-object-metrics',
  ]);
  aggregated = await startOurs([]);
}, SETTLE_MS + 30_000);

afterAll(async () => {
  await ours?.close();
  await filtered?.close();
  await aggregated?.close();
  for (const c of connections) await c.close().catch(() => {});
  if (vhost) await dropVhost(vhost);
  if (otherVhost) await dropVhost(otherVhost);
});

describe.skipIf(!available)('rabbitmq-exporter against the real broker', () => {
  it('exports the exact depth and consumers of every scenario queue', async () => {
    const depths = (m: ReturnType<typeof parseExposition>) => Object.entries(EXPECTED).map(([queue]) => {
      const l = { vhost, queue };
      return { queue, ready: valueOf(m, 'rabbitmq_queue_messages_ready', l), unacked: valueOf(m, 'rabbitmq_queue_messages_unacked', l),
        messages: valueOf(m, 'rabbitmq_queue_messages', l), consumers: valueOf(m, 'rabbitmq_queue_consumers', l) };
    });
    const expected = Object.entries(EXPECTED).map(([queue, d]) => ({ queue, ready: d.ready, unacked: d.unacked, messages: d.ready + d.unacked, consumers: d.consumers }));
    // Both listings (full and cheap) lag the broker by the statistics interval, more when it is busy.
    let m = parseExposition(await ours!.scrape());
    let cheap = parseExposition(await filtered!.scrape());
    await eventually(async () => {
      [m, cheap] = [parseExposition(await ours!.scrape()), parseExposition(await filtered!.scrape())];
      return JSON.stringify([depths(m), depths(cheap).slice(0, 3)]) === JSON.stringify([expected, expected.slice(0, 3)])
        && valueOf(m, 'rabbitmq_queue_messages_ready', { vhost: otherVhost, queue: 'elsewhere' }) === 2;
    }, SETTLE_MS);
    expect(valueOf(m, 'rabbitmq_up')).toBe(1);
    expect(depths(m)).toEqual(expected);
    // The cheap listing (the default per-object source) agrees; rpc-reply is filtered out there.
    expect(depths(cheap).slice(0, 3)).toEqual(expected.slice(0, 3));
    expect(valueOf(m, 'rabbitmq_queue_messages_published_total', { vhost, queue: 'unacked' })).toBe(10);
    expect(valueOf(m, 'rabbitmq_queue_messages_ready', { vhost: otherVhost, queue: 'elsewhere' })).toBe(2);
    expect(m.get('rabbitmq_queue_messages_ready')!.type).toBe('gauge');
  });

  it('names the node and cluster in one identity_info series', async () => {
    const m = parseExposition(await ours!.scrape());
    const id = m.get('rabbitmq_identity_info')!;
    expect(id.samples).toHaveLength(1);
    expect(id.samples[0]!.labels).toMatchObject({ rabbitmq_node: node, rabbitmq_cluster: cluster });
  });

  it('exports node resources as the API reports them', async () => {
    const [n] = await mgmt<{ fd_total: number; mem_limit: number; disk_free_limit: number; proc_total: number }[]>(
      'GET', `/api/nodes?columns=fd_total,mem_limit,disk_free_limit,proc_total`);
    const m = parseExposition(await ours!.scrape());
    expect(valueOf(m, 'rabbitmq_process_max_fds')).toBe(n!.fd_total);
    expect(valueOf(m, 'rabbitmq_resident_memory_limit_bytes')).toBe(n!.mem_limit);
    expect(valueOf(m, 'rabbitmq_disk_space_available_limit_bytes')).toBe(n!.disk_free_limit);
    expect(valueOf(m, 'rabbitmq_erlang_processes_limit')).toBe(n!.proc_total);
    // mem_used changes with every statistics emission: compare it while it holds still.
    const memUsed = async () => (await mgmt<{ mem_used: number }[]>('GET', '/api/nodes?columns=mem_used'))[0]!.mem_used;
    let sample: [before: number, ours: number | undefined, after: number] = [0, undefined, 1];
    await eventually(async () => {
      sample = [await memUsed(), valueOf(parseExposition(await ours!.scrape()), 'rabbitmq_process_resident_memory_bytes'), await memUsed()];
      return sample[0] === sample[2];
    }, SETTLE_MS, 100);
    expect(sample[1]).toBe(sample[0]);
  }, SETTLE_MS);

  it('serves the aggregated shape on the metrics path by default: node sums, no per-queue series', async () => {
    const m = parseExposition(await aggregated!.scrape());
    expect(valueOf(m, 'rabbitmq_up')).toBe(1);
    for (const name of ['rabbitmq_queue_messages_ready', 'rabbitmq_queue_messages_unacked', 'rabbitmq_queue_messages']) {
      expect([name, m.get(name)!.samples.map((s) => s.labels)]).toEqual([name, [{}]]);
    }
    expect(m.has('rabbitmq_queue_messages_bytes')).toBe(false);
  });

  /** A detailed scrape of queue_coarse_metrics restricted to otherVhost: exactly the plugin's families, one queue. */
  function expectQueueCoarseOfOtherVhost(detailed: ReturnType<typeof parseExposition>): void {
    const families = [...detailed.keys()].filter((k) => k.startsWith('rabbitmq_') && !k.startsWith('rabbitmq_exporter_'));
    expect(families.sort()).toEqual([
      'rabbitmq_build_info', 'rabbitmq_detailed_queue_messages', 'rabbitmq_detailed_queue_messages_ready',
      'rabbitmq_detailed_queue_messages_unacked', 'rabbitmq_identity_info', 'rabbitmq_up',
    ]);
    expect(detailed.get('rabbitmq_detailed_queue_messages_ready')!.samples.map((s) => [s.labels.vhost, s.labels.queue, s.value]))
      .toEqual([[otherVhost, 'elsewhere', 2]]);
  }

  it('serves the plugin\'s per-object and detailed shapes on /probe', async () => {
    const base = `/probe?target=${encodeURIComponent('http://127.0.0.1:15672')}&node=${encodeURIComponent(node)}`;
    const po = parseExposition(await aggregated!.scrape(`${base}&endpoint=per-object`));
    expect(valueOf(po, 'rabbitmq_queue_messages_ready', { vhost, queue: 'ready-seven' })).toBe(7);
    expectQueueCoarseOfOtherVhost(parseExposition(await aggregated!.scrape(`${base}&family=queue_coarse_metrics&vhost=${encodeURIComponent(otherVhost)}`)));
    const res = await fetch(`${aggregated!.url}${base}&family=auth_attempt_metrics`);
    expect([res.status, (await res.text()).trim()]).toEqual([400, expect.stringMatching(/^family=auth_attempt_metrics: not served/)]);
  });

  it('serves the plugin\'s /metrics/per-object and /metrics/detailed paths, as the plugin names them', async () => {
    const po = parseExposition(await aggregated!.scrape('/metrics/per-object'));
    expect(valueOf(po, 'rabbitmq_up')).toBe(1);
    expect(valueOf(po, 'rabbitmq_queue_messages_ready', { vhost, queue: 'ready-seven' })).toBe(7);
    // The default metrics path of the same process stays aggregated: the variant is per request.
    const plain = parseExposition(await aggregated!.scrape());
    expect(plain.get('rabbitmq_queue_messages_ready')!.samples.map((s) => s.labels)).toEqual([{}]);
    expectQueueCoarseOfOtherVhost(parseExposition(await aggregated!.scrape(`/metrics/detailed?family=queue_coarse_metrics&vhost=${encodeURIComponent(otherVhost)}`)));
    const bad = await fetch(`${aggregated!.url}/metrics/detailed?family=auth_attempt_metrics`);
    expect([bad.status, (await bad.text()).trim()]).toEqual([400, expect.stringMatching(/^detailed: family=auth_attempt_metrics: not served/)]);
    expect((await fetch(`${aggregated!.url}/metrics/everything`)).status).toBe(404);
  });

  it('counts at least the scenario\'s channels, consumers and unacked deliveries', async () => {
    // Node-wide sums also include other tests' and the canary's objects: lower bounds only.
    // Channel figures come from per-channel statistics, which lag by the broker's statistics
    // interval: scrape until they show the scenario (bounded), then assert on that scrape.
    const bounds: Array<[string, number]> = [
      ['rabbitmq_channels', 3], ['rabbitmq_connections', 3], ['rabbitmq_channel_consumers', 3],
      ['rabbitmq_channel_messages_unacked', 3], ['rabbitmq_consumers', 3], ['rabbitmq_queues', 5],
    ];
    let m = parseExposition(await ours!.scrape());
    await eventually(async () => {
      m = parseExposition(await ours!.scrape());
      return bounds.every(([name, min]) => (valueOf(m, name) ?? -1) >= min);
    }, SETTLE_MS, 200);
    for (const [name, min] of bounds) expect([name, valueOf(m, name) ?? -1]).toEqual([name, expect.toSatisfy((v: number) => v >= min)]);
  }, SETTLE_MS + 5_000);

  it('runs the AMQP canary round trip', async () => {
    const m = parseExposition(await ours!.scrape());
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_round_trip_seconds')).toBeGreaterThan(0);
    expect(valueOf(m, 'rabbitmq_exporter_canary_connection_blocked')).toBe(0);
    expect(valueOf(m, 'rabbitmq_exporter_collector_success', { collector: 'canary' })).toBe(1);
  });

  it('re-opens the canary connection after the broker closes it', async () => {
    expect(valueOf(parseExposition(await ours!.scrape()), 'rabbitmq_exporter_canary_success')).toBe(1);
    let names: string[] = [];
    await eventually(async () => {
      const conns = await mgmt<{ name: string; client_properties?: { connection_name?: string } }[]>(
        'GET', '/api/connections?columns=name,client_properties');
      names = conns.filter((c) => c.client_properties?.connection_name === CANARY_CONNECTION_NAME).map((c) => c.name);
      return names.length === 1;
    });
    expect(names).toHaveLength(1);
    await mgmt('DELETE', `/api/connections/${encodeURIComponent(names[0]!)}`);
    let m = parseExposition(await ours!.scrape());
    // The close may race the first scrape after it; the next one must have reconnected.
    if (valueOf(m, 'rabbitmq_exporter_canary_success') !== 1) m = parseExposition(await ours!.scrape());
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
  });

  it('applies vhost/queue filters to per-queue series only', async () => {
    const [all, some, totals] = await Promise.all([ours!.scrape(), filtered!.scrape(), aggregated!.scrape()]);
    const a = parseExposition(all);
    const f = parseExposition(some);
    const queuesIn = (m: typeof f) => m.get('rabbitmq_queue_messages_ready')!.samples.map((s) => `${s.labels.vhost}/${s.labels.queue}`).sort();
    expect(queuesIn(f)).toEqual([`${vhost}/ready-seven`, `${vhost}/two-consumers`, `${vhost}/unacked`]);
    for (const [queue, d] of Object.entries(EXPECTED)) {
      if (queue === 'rpc-reply') continue;
      expect([queue, valueOf(f, 'rabbitmq_queue_messages_unacked', { vhost, queue })]).toEqual([queue, d.unacked]);
    }
    expect(queuesIn(a)).toContain(`${otherVhost}/elsewhere`);
    // Coarse (the default): depth and consumers only.
    expect(f.has('rabbitmq_queue_messages_bytes')).toBe(false);
    expect(a.has('rabbitmq_queue_messages_bytes')).toBe(true);
    // Filters select series, not the node total (compared with an unfiltered exporter that, like
    // this one, has no canary queue to leave out).
    expect(valueOf(f, 'rabbitmq_queues')).toBe(valueOf(parseExposition(totals), 'rabbitmq_queues'));
  });

  it('falls back to coarse per-queue families above --rabbitmq.full-queue-metrics-limit', async () => {
    const limited = await startOurs(['--rabbitmq.full-queue-metrics-limit=2', '--rabbitmq.return-per-object-metrics', '--rabbitmq.queue-metrics=full']);
    try {
      const m = parseExposition(await limited.scrape());
      expect(valueOf(m, 'rabbitmq_queue_messages_ready', { vhost, queue: 'ready-seven' })).toBe(7);
      expect(m.has('rabbitmq_queue_messages_bytes')).toBe(false);
    } finally {
      await limited.close();
    }
  });

  it('serves /probe for a target and node, and reports up 0 for a node not in the cluster', async () => {
    const ok = parseExposition(await ours!.scrape(`/probe?target=${encodeURIComponent('http://127.0.0.1:15672')}&node=${encodeURIComponent(node)}&endpoint=per-object`));
    expect(valueOf(ok, 'rabbitmq_up')).toBe(1);
    expect(valueOf(ok, 'rabbitmq_queue_messages_ready', { vhost, queue: 'ready-seven' })).toBe(7);
    // The canary belongs to --rabbitmq.amqp-url, not to probe targets.
    expect(ok.has('rabbitmq_exporter_canary_success')).toBe(false);
    const bare = parseExposition(await ours!.scrape('/probe?target=127.0.0.1:15672'));
    expect(valueOf(bare, 'rabbitmq_up')).toBe(1);
    expect(bare.get('rabbitmq_identity_info')!.samples[0]!.labels.rabbitmq_node).toBe(node);
    const bad = parseExposition(await ours!.scrape(`/probe?target=${encodeURIComponent('http://127.0.0.1:15672')}&node=rabbit%40nowhere`));
    expect(valueOf(bad, 'rabbitmq_up')).toBe(0);
    expect([...bad.keys()].filter((k) => k.startsWith('rabbitmq_') && !k.startsWith('rabbitmq_exporter_') && k !== 'rabbitmq_up')).toEqual([]);
  });
});
