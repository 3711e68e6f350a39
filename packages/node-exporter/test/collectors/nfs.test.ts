import { describe, expect, it } from 'vitest';
import { nfsCollector } from '../../src/collectors/nfs.js';
import { family, run, value } from '../collect.js';
import { expectFailure, expectNoData } from '../failure-modes.js';

describe('nfs', () => {
  it('maps the client net/rpc lines and per-version procedures', async () => {
    const f = await run(nfsCollector);
    expect(value(f, 'node_nfs_packets_total', { protocol: 'udp' })).toBe(70);
    expect(value(f, 'node_nfs_connections_total')).toBe(0);
    expect(value(f, 'node_nfs_rpcs_total')).toBe(218401);
    expect(value(f, 'node_nfs_rpc_retransmissions_total')).toBe(11);
    expect(value(f, 'node_nfs_rpc_authentication_refreshes_total')).toBe(3);
    expect(value(f, 'node_nfs_requests_total', { proto: '3', method: 'GetAttr' })).toBe(40126);
    expect(value(f, 'node_nfs_requests_total', { proto: '3', method: 'Commit' })).toBe(901);
    expect(value(f, 'node_nfs_requests_total', { proto: '2', method: 'FsStat' })).toBe(2);
    expect(value(f, 'node_nfs_requests_total', { proto: '4', method: 'Read' })).toBe(12021);
    // A 48-value proc4 line (older kernel) pads the newer operations with 0.
    expect(value(f, 'node_nfs_requests_total', { proto: '4', method: 'Clone' })).toBe(0);
    expect(family(f, 'node_nfs_requests_total').samples).toHaveLength(18 + 22 + 59);
  });
});

describe('nfs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(nfsCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(nfsCollector, { 'proc/net/rpc/nfs': null });
  });
});
