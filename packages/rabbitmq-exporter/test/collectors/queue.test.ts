import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { QueueRecord } from '../../src/api-types.js';
import { queueCollector } from '../../src/collectors/queue.js';
import { endpointFromParams, PER_OBJECT, type Endpoint } from '../../src/endpoint.js';
import { fakeApi, names, target, value } from '../support/target.js';

const q = (vhost: string, name: string, node: string, ready: number, consumers?: number): QueueRecord => ({
  vhost, name, node, messages_ready: ready, messages_unacknowledged: 1, messages: ready + 1, consumers,
});
const consumer = (vhost: string, queue: string) => ({ queue: { vhost, name: queue } });

/** The cheap listing (no consumer counts) and /api/consumers, as the API answers them. */
const cheap = {
  'api/queues': [[q('/', 'a1', 'rabbit@a', 3), q('/', 'b1', 'rabbit@b', 5), q('/', 'a2', 'rabbit@a', 4)], [q('other', 'a1', 'rabbit@a', 9)]],
  'api/consumers': [[consumer('/', 'a1'), consumer('/', 'a2'), consumer('/', 'a2'), consumer('/', 'b1')]],
};
/** The full listing carries consumers itself; a queue may come twice when pages shift. */
const full = {
  'api/queues': [[q('/', 'a1', 'rabbit@a', 3, 1), q('/', 'a2', 'rabbit@a', 4, 2)], [q('/', 'a2', 'rabbit@a', 4, 2), q('other', 'a1', 'rabbit@a', 9, 0)]],
};

describe('queue collector', () => {
  it('aggregated: node sums and counts only, from the cheap listing', async () => {
    const { api, requests } = fakeApi(cheap);
    const fams = await collectOnce(queueCollector, target(api, 'rabbit@a'));
    expect(fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!.samples).toEqual([{ suffix: '', labels: {}, value: 16 }]);
    expect(value(fams, 'rabbitmq_queue_messages')).toBe(19);
    expect(value(fams, 'rabbitmq_queues')).toBe(3);
    expect(value(fams, 'rabbitmq_consumers')).toBe(3);
    expect(requests.find((r) => r.path === 'api/queues')!.query).toEqual({ disable_stats: true, enable_queue_totals: true });
  });

  it('aggregated on a one-node cluster: the node totals from /api/overview, no listing at all', async () => {
    const { api, requests } = fakeApi(cheap);
    const overview = {
      object_totals: { queues: 12, consumers: 5 }, queue_totals: { messages: 30, messages_ready: 21, messages_unacknowledged: 9 },
    };
    const canaryObjects = { vhost: '/', queue: 'amq.gen-canary', peerHost: '127.0.0.1', peerPort: 1 };
    const fams = await collectOnce(queueCollector, target(api, 'rabbit@a', { runningNodes: ['rabbit@a'], overview, canaryObjects }));
    expect(requests).toEqual([]);
    expect(fams.filter((f) => !f.name.startsWith('rabbitmq_exporter_')).map((f) => [f.name, f.samples.map((x) => [x.labels, x.value])])).toEqual([
      ['rabbitmq_consumers', [[{}, 4]]], ['rabbitmq_queue_consumers', [[{}, 4]]], ['rabbitmq_queue_messages', [[{}, 30]]],
      ['rabbitmq_queue_messages_ready', [[{}, 21]]], ['rabbitmq_queue_messages_unacked', [[{}, 9]]], ['rabbitmq_queues', [[{}, 11]]],
    ]);
  });

  it('per-object: one series per queue of the node, consumers counted from /api/consumers', async () => {
    const fams = await collectOnce(queueCollector, target(fakeApi(cheap).api, 'rabbit@a', { endpoint: PER_OBJECT }));
    const series = (name: string) => fams.find((f) => f.name === name)!.samples.map((s) => [s.labels.vhost, s.labels.queue, s.value]);
    expect(series('rabbitmq_queue_messages_ready')).toEqual([['/', 'a1', 3], ['/', 'a2', 4], ['other', 'a1', 9]]);
    expect(series('rabbitmq_queue_consumers')).toEqual([['/', 'a1', 1], ['/', 'a2', 2], ['other', 'a1', 0]]);
    expect(names(fams).sort()).toEqual([
      'rabbitmq_consumers', 'rabbitmq_queue_consumers', 'rabbitmq_queue_messages', 'rabbitmq_queue_messages_ready',
      'rabbitmq_queue_messages_unacked', 'rabbitmq_queues',
    ]);
  });

  it('per-object with full detail reads the full listing, each queue once', async () => {
    const { api, requests } = fakeApi(full);
    const fams = await collectOnce(queueCollector, target(api, 'rabbit@a', { endpoint: PER_OBJECT, queueDetail: 'full' }));
    expect(fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!.samples.map((s) => s.labels.queue)).toEqual(['a1', 'a2', 'a1']);
    expect(value(fams, 'rabbitmq_queues')).toBe(3);
    expect(value(fams, 'rabbitmq_consumers')).toBe(3);
    expect(requests.map((r) => r.path)).toEqual(['api/queues']);
  });

  it('filters per-queue series but keeps the node totals whole', async () => {
    const fams = await collectOnce(queueCollector, target(fakeApi(cheap).api, 'rabbit@a', { endpoint: PER_OBJECT, filter: { excludeVhost: /^other$/ } }));
    expect(fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!.samples).toHaveLength(2);
    expect(value(fams, 'rabbitmq_queues')).toBe(3);
  });

  it('leaves the canary\'s queue and consumer out of every figure', async () => {
    const lists = {
      'api/queues': [[q('/', 'a1', 'rabbit@a', 3), q('/', 'amq.gen-canary', 'rabbit@a', 0)]],
      'api/consumers': [[consumer('/', 'a1'), consumer('/', 'amq.gen-canary')]],
    };
    const canaryObjects = { vhost: '/', queue: 'amq.gen-canary', peerHost: '127.0.0.1', peerPort: 1234 };
    const fams = await collectOnce(queueCollector, target(fakeApi(lists).api, 'rabbit@a', { endpoint: PER_OBJECT, canaryObjects }));
    expect(value(fams, 'rabbitmq_queues')).toBe(1);
    expect(value(fams, 'rabbitmq_consumers')).toBe(1);
    expect(fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!.samples.map((s) => s.labels.queue)).toEqual(['a1']);
  });

  it('detailed: only the asked families, as rabbitmq_detailed_*, from the asked vhosts', async () => {
    const endpoint = endpointFromParams(new URLSearchParams('family=queue_consumer_count&vhost=other'), PER_OBJECT) as Endpoint;
    const { api, requests } = fakeApi({ 'api/queues/other': cheap['api/queues'].slice(1), 'api/consumers': cheap['api/consumers'] });
    const fams = await collectOnce(queueCollector, target(api, 'rabbit@a', { endpoint }));
    expect(names(fams)).toEqual(['rabbitmq_detailed_queue_consumers']);
    expect(fams[0]!.samples.map((s) => [s.labels.vhost, s.labels.queue, s.value])).toEqual([['other', 'a1', 0]]);
    expect(requests.map((r) => r.path).sort()).toEqual(['api/consumers', 'api/queues/other']);
  });

  it('reports zero queues for a node without any', async () => {
    const fams = await collectOnce(queueCollector, target(fakeApi(cheap).api, 'rabbit@c', { endpoint: PER_OBJECT }));
    expect(value(fams, 'rabbitmq_queues')).toBe(0);
    expect(fams.some((f) => f.name === 'rabbitmq_queue_messages_ready')).toBe(false);
  });
});
