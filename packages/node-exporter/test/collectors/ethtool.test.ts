import { describe, expect, it } from 'vitest';
import { ethtoolCollectorFrom, type EthtoolQueries } from '../../src/collectors/ethtool.js';
import type { DriverInfo, LinkSettings } from '../../src/ethtool/commands.js';
import { EthtoolError } from '../../src/syscall/ethtool-ioctl.js';
import { labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

interface FakeDevice { link?: LinkSettings; info?: DriverInfo; stats?: Record<string, number>; errno?: number }

/** Fixture sysfs has bond0, eth0, eth1, lo (and the bonding_masters file, which is not a device). */
function fake(devices: Record<string, FakeDevice>, asked: string[] = []): () => Promise<EthtoolQueries> {
  const get = <T>(device: string, what: keyof FakeDevice): T => {
    asked.push(device);
    const d = devices[device];
    const v = d?.[what];
    if (v === undefined) throw new EthtoolError(String(what), d?.errno ?? 95);
    return v as T;
  };
  return async () => ({
    linkSettings: (d) => get<LinkSettings>(d, 'link'),
    driverInfo: (d) => get<DriverInfo>(d, 'info'),
    statistics: (d) => new Map(Object.entries(get<Record<string, number>>(d, 'stats'))),
    close: () => {},
  });
}

const INFO: DriverInfo = { driver: 'igb', version: '5.6.0-k', firmwareVersion: '3.25', busInfo: '0000:01:00.0', expansionRomVersion: '', statisticsCount: 3 };
// 10/100/1000baseT full+half, autoneg, TP; advertised 1000baseT_Full + pause.
const LINK: LinkSettings = { supported: 0x3f | (1 << 6) | (1 << 7), advertising: (1 << 5) | (1 << 13), autonegotiation: 1 };

describe('ethtool collector', () => {
  it('reports node_ethtool_info per device that answers, with node_exporter\'s label set', async () => {
    const families = await run(ethtoolCollectorFrom(fake({ eth0: { info: INFO }, lo: {} })), fixtureContext());
    expect(labelSets(families, 'node_ethtool_info')).toEqual(['bus_info=0000:01:00.0,device=eth0,driver=igb,expansion_rom_version=,firmware_version=3.25,version=5.6.0-k']);
  });

  it('maps link modes to speeds in bytes per second, ports, and pause/autoneg flags', async () => {
    const families = await run(ethtoolCollectorFrom(fake({ eth0: { link: LINK } })), fixtureContext());
    expect(labelSets(families, 'node_network_supported_speed_bytes')).toEqual([
      'device=eth0,duplex=full,mode=1000baseT', 'device=eth0,duplex=full,mode=100baseT', 'device=eth0,duplex=full,mode=10baseT',
      'device=eth0,duplex=half,mode=1000baseT', 'device=eth0,duplex=half,mode=100baseT', 'device=eth0,duplex=half,mode=10baseT',
    ]);
    expect(value(families, 'node_network_supported_speed_bytes', { duplex: 'full', mode: '1000baseT' })).toBe(125_000_000);
    expect(value(families, 'node_network_advertised_speed_bytes', { mode: '1000baseT' })).toBe(125_000_000);
    expect(labelSets(families, 'node_network_supported_port_info')).toEqual(['device=eth0,type=TP']);
    expect([
      value(families, 'node_network_autonegotiate_supported'), value(families, 'node_network_pause_supported'),
      value(families, 'node_network_autonegotiate_advertised'), value(families, 'node_network_pause_advertised'),
      value(families, 'node_network_asymmetricpause_advertised'), value(families, 'node_network_autonegotiate'),
    ]).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('names statistics as node_exporter does, untyped, with rx_bytes-style ones under their fixed names', async () => {
    const families = await run(ethtoolCollectorFrom(fake({ eth0: { stats: { rx_bytes: 10, 'tx_queue_0 packets': 4, rx_kicks: 7 } } })), fixtureContext());
    expect(value(families, 'node_ethtool_received_bytes_total', { device: 'eth0' })).toBe(10);
    expect(value(families, 'node_ethtool_transmitted_queue_0_packets', { device: 'eth0' })).toBe(4);
    expect(value(families, 'node_ethtool_received_kicks', { device: 'eth0' })).toBe(7);
    expect(families.find((f) => f.name === 'node_ethtool_received_kicks')?.type).toBe('untyped');
    expect(families.some((f) => f.name === 'node_ethtool_received_bytes')).toBe(false);
  });

  it('leaves out both statistics that map to one name, and those --collector.ethtool.metrics-include rejects', async () => {
    const collector = ethtoolCollectorFrom(fake({ eth0: { stats: { 'rx-drops': 1, rx_drops: 2, tx_kicks: 3, rx_kicks: 4 } } }));
    const all = await run(collector, fixtureContext());
    expect(all.filter((f) => f.name.startsWith('node_ethtool_')).map((f) => f.name).sort()).toEqual(['node_ethtool_received_kicks', 'node_ethtool_transmitted_kicks']);
    const some = await run(collector, fixtureContext({ 'collector.ethtool.metrics-include': '^tx_' }));
    expect(some.map((f) => f.name)).toEqual(['node_ethtool_transmitted_kicks']);
  });

  it('asks only the devices the device filter lets through, never the bonding_masters file', async () => {
    const asked: string[] = [];
    await run(ethtoolCollectorFrom(fake({}, asked)), fixtureContext({ 'collector.ethtool.device-exclude': '^(lo|bond0)$' }));
    expect([...new Set(asked)].sort()).toEqual(['eth0', 'eth1']);
    const all: string[] = [];
    await run(ethtoolCollectorFrom(fake({}, all)), fixtureContext());
    expect([...new Set(all)].sort()).toEqual(['bond0', 'eth0', 'eth1', 'lo']);
  });

  it('goes on past a device the kernel refuses (ENODEV, EOPNOTSUPP) and reports the others', async () => {
    const families = await run(ethtoolCollectorFrom(fake({ bond0: { errno: 19 }, eth1: { info: { ...INFO, driver: 'e1000e' } } })), fixtureContext());
    expect(labelSets(families, 'node_ethtool_info').map((l) => /driver=([^,]+)/.exec(l)?.[1])).toEqual(['e1000e']);
  });

  it('has no data when the sysfs net class directory is missing', async () => {
    const families = run(ethtoolCollectorFrom(fake({})), fixtureContext({ 'path.sysfs': '/nonexistent-sysfs' }));
    await expect(families).rejects.toThrow('cannot list network devices');
  });
});
