import { collectOnce, NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { globalCollector } from '../../src/collectors/global.js';
import { PER_OBJECT } from '../../src/endpoint.js';
import { fakeApi, target, value } from '../support/target.js';

const exchange = (vhost: string, name: string, publishOut?: number) => ({ vhost, name, message_stats: publishOut === undefined ? undefined : { publish_out: publishOut } });
const channel = (name: string, publish: number | undefined, mode: { confirm?: boolean; transactional?: boolean } = {}, peerPort = 1000) => ({
  name, node: 'rabbit@a', confirm: false, transactional: false, ...mode,
  connection_details: { peer_host: '127.0.0.1', peer_port: peerPort }, message_stats: publish === undefined ? {} : { publish },
});

function lists(exchanges: unknown[], channels: unknown[], consumers = 0) {
  return {
    'api/exchanges': [exchanges],
    'api/channels': [channels],
    'api/consumers': [Array.from({ length: consumers }, (_, i) => ({ queue: { vhost: '/', name: `q${i}` } }))],
  };
}

describe('global collector', () => {
  it('writes routed, received-confirm, publishers and consumers from the listings', async () => {
    const { api } = fakeApi(lists(
      [exchange('/', '', 10), exchange('/', 'amq.fanout', 6), exchange('/', 'amq.direct')],
      [channel('c1', 5, { confirm: true }), channel('c2', 3, { transactional: true }), channel('c3', 4), channel('c4', undefined), channel('c5', 0)],
      2,
    ));
    const fams = await collectOnce(globalCollector, target(api, 'rabbit@a'));
    expect(value(fams, 'rabbitmq_global_messages_routed_total')).toBe(16);
    expect(value(fams, 'rabbitmq_global_messages_received_confirm_total')).toBe(8);
    expect(value(fams, 'rabbitmq_global_publishers')).toBe(3);
    expect(value(fams, 'rabbitmq_global_consumers')).toBe(2);
    expect(value(fams, 'rabbitmq_global_messages_received_total')).toBe(18);
  });

  it('keeps routed and received-confirm monotonic when exchanges and channels go away', async () => {
    const t = target(fakeApi(lists([exchange('/', 'x', 10), exchange('/', 'y', 5)], [channel('c1', 5, { confirm: true }), channel('c2', 2, { confirm: true })])).api, 'rabbit@a');
    await collectOnce(globalCollector, t);
    const later = await collectOnce(globalCollector, { ...t, api: fakeApi(lists([exchange('/', 'x', 12)], [channel('c1', 6, { confirm: true })])).api });
    expect(value(later, 'rabbitmq_global_messages_routed_total')).toBe(17);
    expect(value(later, 'rabbitmq_global_messages_received_confirm_total')).toBe(8);
  });

  it('leaves the flag-gated counters out while the feature flags are disabled', async () => {
    const fams = await collectOnce(globalCollector, target(fakeApi(lists([], [])).api, 'rabbit@a', { featureFlags: new Set() }));
    expect(fams.some((f) => f.name === 'rabbitmq_global_messages_unroutable_dropped_total')).toBe(false);
    expect(fams.some((f) => f.name === 'rabbitmq_global_messages_get_empty_total')).toBe(false);
    expect(value(fams, 'rabbitmq_global_messages_unroutable_returned_total')).toBe(0);
  });

  it('leaves the canary\'s channel and consumer out', async () => {
    const canaryObjects = { vhost: '/', queue: 'q0', peerHost: '127.0.0.1', peerPort: 4242 };
    const { api } = fakeApi(lists([], [channel('mine', 1, {}, 4242), channel('user', 1)], 2));
    const fams = await collectOnce(globalCollector, target(api, 'rabbit@a', { canaryObjects, endpoint: PER_OBJECT }));
    expect(value(fams, 'rabbitmq_global_publishers')).toBe(1);
    expect(value(fams, 'rabbitmq_global_consumers')).toBe(1);
  });

  it('reports under one node only, so that sum() over the cluster counts once', async () => {
    const { api } = fakeApi(lists([], []));
    await expect(collectOnce(globalCollector, target(api, 'rabbit@b'))).rejects.toBeInstanceOf(NoDataError);
  });
});
