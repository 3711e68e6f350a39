import { describe, expect, it } from 'vitest';
import { tcpstatCollector } from '../../src/collectors/tcpstat.js';
import { run, value } from '../collect.js';

describe('tcpstat', () => {
  it('counts sockets by state over tcp and tcp6 and sums queues', async () => {
    const f = await run(tcpstatCollector);
    expect(value(f, 'node_tcp_connection_states', { state: 'listen' })).toBe(3);
    expect(value(f, 'node_tcp_connection_states', { state: 'established' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'time_wait' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'close_wait' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'tx_queued_bytes' })).toBe(0x24);
    expect(value(f, 'node_tcp_connection_states', { state: 'rx_queued_bytes' })).toBe(0x13);
  });
});
