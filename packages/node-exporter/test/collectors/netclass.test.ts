import { describe, expect, it } from 'vitest';
import { netclassCollector } from '../../src/collectors/netclass.js';
import { family, labelSets, run, value } from '../collect.js';
import { expectNoData, expectParseError } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

describe('netclass', () => {
  it('reports link properties and the info labels', async () => {
    const f = await run(netclassCollector);
    expect(labelSets(f, 'node_network_up')).toEqual(['device=bond0', 'device=eth0', 'device=eth1', 'device=lo']);
    expect(value(f, 'node_network_up', { device: 'eth0' })).toBe(1);
    expect(value(f, 'node_network_up', { device: 'lo' })).toBe(0);
    expect(value(f, 'node_network_info', { device: 'eth0', address: '52:54:00:3a:1c:07', broadcast: 'ff:ff:ff:ff:ff:ff', duplex: 'full', operstate: 'up', ifalias: 'uplink-a' })).toBe(1);
    expect(value(f, 'node_network_info', { device: 'eth1', operstate: 'down', duplex: 'unknown' })).toBe(1);
    expect(value(f, 'node_network_info', { device: 'lo', duplex: '' })).toBe(1);
    expect(value(f, 'node_network_speed_bytes', { device: 'eth0' })).toBe(1_250_000_000);
    expect(value(f, 'node_network_speed_bytes', { device: 'eth1' })).toBe(-125000);
    expect(value(f, 'node_network_flags', { device: 'eth0' })).toBe(0x1803);
    expect(value(f, 'node_network_mtu_bytes', { device: 'lo' })).toBe(65536);
    expect(value(f, 'node_network_protocol_type', { device: 'lo' })).toBe(772);
    expect(value(f, 'node_network_transmit_queue_length', { device: 'eth0' })).toBe(1000);
    expect(value(f, 'node_network_carrier_changes_total', { device: 'eth1' })).toBe(6);
    expect(family(f, 'node_network_carrier_changes_total').type).toBe('counter');
    expect(labelSets(f, 'node_network_carrier')).toEqual(['device=bond0', 'device=eth0', 'device=lo']); // eth1 down: no carrier file
    expect(labelSets(f, 'node_network_name_assign_type')).toEqual(['device=bond0', 'device=eth0', 'device=eth1']);
  });
  it('honours ignored-devices and ignore-invalid-speed', async () => {
    const f = await run(netclassCollector, fixtureContext({ 'collector.netclass.ignored-devices': '^(lo|bond.*)$', 'collector.netclass.ignore-invalid-speed': true }));
    expect(labelSets(f, 'node_network_up')).toEqual(['device=eth0', 'device=eth1']);
    expect(labelSets(f, 'node_network_speed_bytes')).toEqual(['device=eth0']);
  });
});

describe('netclass failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(netclassCollector);
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(netclassCollector, { 'sys/class/net/eth0/mtu': 'big\n' });
  });
});
