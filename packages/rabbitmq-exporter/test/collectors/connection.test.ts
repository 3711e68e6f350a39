import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { connectionCollector } from '../../src/collectors/connection.js';
import { fakeApi, target, value } from '../support/target.js';

const connection = (node: string, peerPort: number, recv: number) => ({ node, peer_host: '127.0.0.1', peer_port: peerPort, channels: 1, recv_oct: recv });

describe('connection collector', () => {
  it('counts and sums the node\'s connections, the canary\'s left out', async () => {
    const { api } = fakeApi({ 'api/connections': [[connection('rabbit@a', 1, 100), connection('rabbit@b', 2, 7), connection('rabbit@a', 9, 50)]] });
    const canaryObjects = { vhost: '/', queue: 'x', peerHost: '127.0.0.1', peerPort: 9 };
    const fams = await collectOnce(connectionCollector, target(api, 'rabbit@a', { canaryObjects }));
    expect(value(fams, 'rabbitmq_connections')).toBe(1);
    expect(value(fams, 'rabbitmq_connection_incoming_bytes_total')).toBe(100);
  });

  it('reports zeros, not gaps, for a node with no connections', async () => {
    const fams = await collectOnce(connectionCollector, target(fakeApi({}).api, 'rabbit@a'));
    expect(value(fams, 'rabbitmq_connections')).toBe(0);
    expect(value(fams, 'rabbitmq_connection_channels')).toBe(0);
  });
});
