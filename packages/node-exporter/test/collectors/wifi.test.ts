import { NoDataError } from '@scrapekit/exporter-kit';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bssMode, wifiCollector, wifiCollectorFrom } from '../../src/collectors/wifi.js';
import type { WifiStation } from '../../src/netlink/nl80211.js';
import { NetlinkError } from '../../src/netlink/route-messages.js';
import type { WifiSource } from '../../src/wifi/source.js';
import { labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

const STATION: WifiStation = {
  mac: '02:00:00:00:00:0a', connectedSeconds: 90, inactiveSeconds: 0.25, receiveBitsPerSecond: 54e6, transmitBitsPerSecond: 72.2e6,
  receivedBytes: 1000, transmittedBytes: 2000, signalDbm: -61, transmitRetries: 3, transmitFailed: 1, beaconLoss: 0, receivedPackets: 10, transmittedPackets: 20,
};

const SOURCE: WifiSource = {
  interfaces: async () => [
    { index: 3, name: 'wlan0', type: 2, frequencyMegahertz: 5180 },
    { index: 4, name: 'ap0', type: 3, frequencyMegahertz: 2437 },
    { index: 0, name: '', type: 10, frequencyMegahertz: 0 },
  ],
  bss: async (ifi) => (ifi.name === 'wlan0' ? { bssid: '02:00:00:00:00:01', ssid: 'lab', status: 1 } : undefined),
  stations: async (ifi) => (ifi.name === 'wlan0' ? [STATION] : undefined),
};

describe('wifi collector', () => {
  it('reports the frequency of each named wireless interface in hertz, skipping nameless ones', async () => {
    const families = await run(wifiCollectorFrom(async () => SOURCE), fixtureContext());
    expect(labelSets(families, 'node_wifi_interface_frequency_hertz')).toEqual(['device=ap0', 'device=wlan0']);
    expect(value(families, 'node_wifi_interface_frequency_hertz', { device: 'wlan0' })).toBe(5.18e9);
  });

  it('reports the associated BSS as node_wifi_station_info and each station under its MAC address', async () => {
    const families = await run(wifiCollectorFrom(async () => SOURCE), fixtureContext());
    expect(labelSets(families, 'node_wifi_station_info')).toEqual(['bssid=02:00:00:00:00:01,device=wlan0,mode=client,ssid=lab']);
    const l = { device: 'wlan0', mac_address: '02:00:00:00:00:0a' };
    expect([
      value(families, 'node_wifi_station_connected_seconds_total', l), value(families, 'node_wifi_station_inactive_seconds', l),
      value(families, 'node_wifi_station_receive_bits_per_second', l), value(families, 'node_wifi_station_transmit_bits_per_second', l),
      value(families, 'node_wifi_station_receive_bytes_total', l), value(families, 'node_wifi_station_transmit_bytes_total', l),
      value(families, 'node_wifi_station_signal_dbm', l), value(families, 'node_wifi_station_transmit_retries_total', l),
      value(families, 'node_wifi_station_transmit_failed_total', l), value(families, 'node_wifi_station_beacon_loss_total', l),
      value(families, 'node_wifi_station_received_packets_total', l), value(families, 'node_wifi_station_transmitted_packets_total', l),
    ]).toEqual([90, 0.25, 54e6, 72.2e6, 1000, 2000, -61, 3, 1, 0, 10, 20]);
    expect(families.find((f) => f.name === 'node_wifi_station_receive_bytes_total')?.type).toBe('counter');
    expect(families.find((f) => f.name === 'node_wifi_station_signal_dbm')?.type).toBe('gauge');
  });

  it('names BSS status as node_exporter does', () => {
    expect([bssMode(0), bssMode(1), bssMode(2), bssMode(7)]).toEqual(['client', 'client', 'ad-hoc', 'unknown']);
  });

  it('has no data (NoDataError) when the host has no nl80211 family or refuses to tell', async () => {
    for (const errno of [2, 1, 13]) {
      const collector = wifiCollectorFrom(async () => { throw new NetlinkError(errno); });
      await expect(run(collector, fixtureContext())).rejects.toBeInstanceOf(NoDataError);
    }
  });

  it('fails on any other netlink error', async () => {
    const collector = wifiCollectorFrom(async () => { throw new NetlinkError(105); });
    await expect(run(collector, fixtureContext())).rejects.toThrow('error 105');
  });

  it('reads --collector.wifi.fixtures: Go-cased JSON keys, base64 MACs, nanosecond durations, missing files as none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wifi-fixtures-'));
    try {
      writeFileSync(join(dir, 'interfaces.json'), JSON.stringify([{ name: 'wlp2s0', type: 2, frequency: 5500 }, { Name: 'wlp3s0', Frequency: 2462 }]));
      mkdirSync(join(dir, 'wlp2s0'));
      writeFileSync(join(dir, 'wlp2s0', 'bss.json'), JSON.stringify({ ssid: 'office', bssid: Buffer.from([2, 0, 0, 0, 0, 0xbb]).toString('base64'), status: 2 }));
      writeFileSync(join(dir, 'wlp2s0', 'stationinfo.json'), JSON.stringify([{ hardwareaddr: Buffer.from([2, 0, 0, 0, 0, 0xcc]).toString('base64'), connected: 45e9, inactive: 2e8, signal: -70 }]));
      const families = await run(wifiCollector, fixtureContext({ 'collector.wifi.fixtures': dir }));
      expect(labelSets(families, 'node_wifi_interface_frequency_hertz')).toEqual(['device=wlp2s0', 'device=wlp3s0']);
      expect(labelSets(families, 'node_wifi_station_info')).toEqual(['bssid=02:00:00:00:00:bb,device=wlp2s0,mode=ad-hoc,ssid=office']);
      const l = { device: 'wlp2s0', mac_address: '02:00:00:00:00:cc' };
      expect([value(families, 'node_wifi_station_connected_seconds_total', l), value(families, 'node_wifi_station_inactive_seconds', l), value(families, 'node_wifi_station_signal_dbm', l)])
        .toEqual([45, 0.2, -70]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
