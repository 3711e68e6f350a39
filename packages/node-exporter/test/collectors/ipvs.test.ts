import { describe, expect, it } from 'vitest';
import { ipvsCollector } from '../../src/collectors/ipvs.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

describe('ipvs', () => {
  it('reads the hex totals', async () => {
    const f = await run(ipvsCollector);
    expect(value(f, 'node_ipvs_connections_total')).toBe(0x2c1a07);
    expect(value(f, 'node_ipvs_incoming_packets_total')).toBe(0x3e07f1a2);
    expect(value(f, 'node_ipvs_incoming_bytes_total')).toBe(0x4b0fa2c8813e);
    expect(value(f, 'node_ipvs_outgoing_bytes_total')).toBe(0);
  });
  it('labels real servers with decoded IPv4/IPv6 addresses, decimal ports and the firewall mark', async () => {
    const f = await run(ipvsCollector);
    expect(value(f, 'node_ipvs_backend_connections_active', { local_address: '10.20.0.100', local_port: '443', remote_address: '10.20.11.12', remote_port: '443', proto: 'TCP', local_mark: '' })).toBe(312);
    expect(value(f, 'node_ipvs_backend_weight', { remote_address: '10.20.11.13' })).toBe(50);
    expect(value(f, 'node_ipvs_backend_connections_inactive', { local_address: 'fd00::53', local_port: '53', remote_address: 'fd00::b01', proto: 'UDP' })).toBe(4);
    expect(value(f, 'node_ipvs_backend_connections_active', { proto: 'FWM', local_mark: '00000a2f', local_address: '', local_port: '0', remote_address: '10.20.12.1', remote_port: '80' })).toBe(8);
  });
  it('sums real servers that look alike under fewer backend labels', async () => {
    const f = await run(ipvsCollector, fixtureContext({ 'collector.ipvs.backend-labels': 'proto' }));
    expect(labelSets(f, 'node_ipvs_backend_connections_active')).toEqual(['proto=FWM', 'proto=TCP', 'proto=UDP']);
    expect(value(f, 'node_ipvs_backend_connections_active', { proto: 'TCP' })).toBe(452);
  });
});

describe('ipvs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(ipvsCollector);
  });
});
