import { describe, expect, it } from 'vitest';
import { netdevCollector } from '../../src/collectors/netdev.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('netdev', () => {
  it('reports /proc/net/dev counters plus rx_nohandler from sysfs', async () => {
    const fams = await run(netdevCollector, defaultsContext());
    expect(labelSets(fams, 'node_network_receive_bytes_total')).toEqual(['device=bond0', 'device=eth0', 'device=eth1', 'device=lo']);
    expect(value(fams, 'node_network_receive_bytes_total', { device: 'eth0' })).toBe(987654321);
    expect(value(fams, 'node_network_receive_drop_total', { device: 'eth0' })).toBe(12);
    expect(value(fams, 'node_network_transmit_carrier_total', { device: 'eth0' })).toBe(0);
    expect(value(fams, 'node_network_receive_nohandler_total', { device: 'eth0' })).toBe(7);
    // bond0 has no statistics directory in the fixture: no nohandler series, the rest is there.
    expect(labelSets(fams, 'node_network_receive_nohandler_total')).toEqual(['device=eth0', 'device=eth1', 'device=lo']);
    expect(family(fams, 'node_network_transmit_packets_total').type).toBe('counter');
    expect(fams).toHaveLength(17);
  });

  it('honours device-exclude and device-include', async () => {
    const ex = await run(netdevCollector, defaultsContext({ 'collector.netdev.device-exclude': '^(lo|bond.*)$' }));
    expect(labelSets(ex, 'node_network_receive_bytes_total')).toEqual(['device=eth0', 'device=eth1']);
    const inc = await run(netdevCollector, defaultsContext({ 'collector.netdev.device-include': '^eth1$' }));
    expect(labelSets(inc, 'node_network_receive_bytes_total')).toEqual(['device=eth1']);
  });
});

describe('netdev address info', () => {
  it('classifies addresses as Go does', async () => {
    const { addressScope } = await import('../../src/collectors/netdev.js');
    expect(['127.0.0.1', '::1', '169.254.1.1', 'fe80::1', '10.0.0.5', '2001:db8::1', 'ff01::1', '::'].map(addressScope)).toEqual([
      'link-local', 'link-local', 'link-local', 'link-local', 'global', 'global', 'interface-local', '',
    ]);
  });

  it('lists this host\'s interface addresses with --collector.netdev.address-info', async () => {
    const fams = await run(netdevCollector, defaultsContext({ 'collector.netdev.address-info': true }));
    expect(family(fams, 'node_network_address_info').samples).toContainEqual({
      suffix: '', value: 1, labels: { device: 'lo', address: '127.0.0.1', netmask: '8', scope: 'link-local' },
    });
  });
});

describe('netdev modes', () => {
  it('--collector.netdev.enable-detailed-metrics reports the sysfs statistics under their detailed names', async () => {
    const fams = await run(netdevCollector, defaultsContext({ 'collector.netdev.enable-detailed-metrics': true, 'collector.netdev.device-include': '^eth1$' }));
    expect(value(fams, 'node_network_receive_missed_errors_total', { device: 'eth1' })).toBe(3);
    expect(value(fams, 'node_network_multicast_total', { device: 'eth1' })).toBe(12);
    expect(value(fams, 'node_network_transmit_packets_total', { device: 'eth1' })).toBe(33333);
    expect(value(fams, 'node_network_receive_nohandler_total', { device: 'eth1' })).toBe(0);
    expect(fams.some((f) => f.name === 'node_network_receive_drop_total')).toBe(false);
    expect(fams).toHaveLength(14);
  });

  it('--no-collector.netdev.netlink gives exactly the /proc/net/dev columns', async () => {
    const fams = await run(netdevCollector, defaultsContext({ 'collector.netdev.netlink': false }));
    expect(fams.some((f) => f.name === 'node_network_receive_nohandler_total')).toBe(false);
    expect(fams).toHaveLength(16);
  });
});
