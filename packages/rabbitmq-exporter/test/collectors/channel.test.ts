import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { channelCollector } from '../../src/collectors/channel.js';
import { fakeApi, target, value } from '../support/target.js';

const channel = (node: string, peerPort: number, publish: number) => ({
  node, consumer_count: 1, connection_details: { peer_host: '127.0.0.1', peer_port: peerPort }, message_stats: { publish, get_empty: 0, drop_unroutable: 0 },
});

describe('channel collector', () => {
  it('counts and sums the node\'s channels, the canary\'s left out', async () => {
    const { api } = fakeApi({ 'api/channels': [[channel('rabbit@a', 1, 2), channel('rabbit@b', 2, 5)], [channel('rabbit@a', 3, 4), channel('rabbit@a', 9, 1)]] });
    const canaryObjects = { vhost: '/', queue: 'x', peerHost: '127.0.0.1', peerPort: 9 };
    const fams = await collectOnce(channelCollector, target(api, 'rabbit@a', { canaryObjects }));
    expect(value(fams, 'rabbitmq_channels')).toBe(2);
    expect(value(fams, 'rabbitmq_channel_consumers')).toBe(2);
    expect(value(fams, 'rabbitmq_channel_messages_published_total')).toBe(6);
    expect(value(fams, 'rabbitmq_channel_get_empty_total')).toBe(0);
  });

  it('leaves the flag-gated channel counters out while the flags are disabled', async () => {
    const { api } = fakeApi({ 'api/channels': [[channel('rabbit@a', 1, 2)]] });
    const fams = await collectOnce(channelCollector, target(api, 'rabbit@a', { featureFlags: new Set() }));
    expect(fams.some((f) => f.name === 'rabbitmq_channel_get_empty_total' || f.name === 'rabbitmq_channel_messages_unroutable_dropped_total')).toBe(false);
  });
});
