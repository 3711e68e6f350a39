import { NoDataError, type Collector, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import type { WifiBss, WifiStation } from '../netlink/nl80211.js';
import { NetlinkError } from '../netlink/route-messages.js';
import { openNl80211 } from '../syscall/nl80211.js';
import { wifiFixtureSource } from '../wifi/fixtures.js';
import type { WifiSource } from '../wifi/source.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const wifiFlags: readonly FlagSpec[] = [
  { name: 'collector.wifi.fixtures', description: 'Directory with interfaces.json and <device>/{bss,stationinfo}.json to report instead of the kernel\'s nl80211 data (node_exporter\'s end-to-end test input).', default: '', placeholder: '<dir>' },
];

const ENOENT = 2;
const EPERM = 1;
const EACCES = 13;

/** enum nl80211_bss_status as node_exporter's mode label: authenticated/associated = client. */
export function bssMode(status: number): string {
  if (status === 0 || status === 1) return 'client';
  if (status === 2) return 'ad-hoc';
  return 'unknown';
}

function stationMetrics(out: MetricSink, device: string, s: WifiStation): void {
  const labels = { device, mac_address: s.mac };
  out.counter('node_wifi_station_connected_seconds_total', 'Seconds the station has been connected.', s.connectedSeconds, labels);
  out.gauge('node_wifi_station_inactive_seconds', 'Seconds since the station was last active.', s.inactiveSeconds, labels);
  out.gauge('node_wifi_station_receive_bits_per_second', 'Bit rate of the last frame received from the station.', s.receiveBitsPerSecond, labels);
  out.gauge('node_wifi_station_transmit_bits_per_second', 'Bit rate of the last frame sent to the station.', s.transmitBitsPerSecond, labels);
  out.counter('node_wifi_station_receive_bytes_total', 'Bytes received from the station.', s.receivedBytes, labels);
  out.counter('node_wifi_station_transmit_bytes_total', 'Bytes sent to the station.', s.transmittedBytes, labels);
  out.gauge('node_wifi_station_signal_dbm', 'Signal strength of the last frame from the station, in dBm.', s.signalDbm, labels);
  out.counter('node_wifi_station_transmit_retries_total', 'Frames to the station sent again.', s.transmitRetries, labels);
  out.counter('node_wifi_station_transmit_failed_total', 'Frames to the station that failed.', s.transmitFailed, labels);
  out.counter('node_wifi_station_beacon_loss_total', 'Beacons from the station that were missed.', s.beaconLoss, labels);
  out.counter('node_wifi_station_transmitted_packets_total', 'Packets sent to the station.', s.transmittedPackets, labels);
  out.counter('node_wifi_station_received_packets_total', 'Packets received from the station.', s.receivedPackets, labels);
}

function bssInfo(out: MetricSink, device: string, bss: WifiBss): void {
  out.gauge('node_wifi_station_info', 'The BSS the interface is on (value 1): BSSID, SSID and mode.', 1, { device, bssid: bss.bssid, ssid: bss.ssid, mode: bssMode(bss.status) });
}

/**
 * Wireless interfaces, their BSS and stations over nl80211 (or --collector.wifi.fixtures).
 * Without nl80211 on the host (no wireless hardware) there is nothing to report: NoDataError,
 * as node_exporter's ErrNoData.
 */
export function wifiCollectorFrom(open: (fixtures: string) => Promise<WifiSource>): Collector<NodeContext> {
  return {
    name: 'wifi',
    flags: wifiFlags,
    help: 'Wireless interfaces, their BSS and stations over nl80211.',
    defaultEnabled: false,
    async collect(ctx, out) {
      let source: WifiSource;
      try {
        source = await open(String(ctx.target.flags['collector.wifi.fixtures'] ?? ''));
      } catch (err) {
        if (err instanceof NetlinkError && err.errno === ENOENT) throw new NoDataError('wifi: nl80211 is not available on this system (no wireless hardware)');
        if (err instanceof NetlinkError && (err.errno === EPERM || err.errno === EACCES)) throw new NoDataError('wifi: permission denied asking nl80211');
        throw err;
      }
      for (const ifi of await source.interfaces()) {
        // Virtual devices without a name (a P2P device) are skipped, as node_exporter skips them.
        if (ifi.name === '') continue;
        ctx.logger.debug('probing wifi device', { device: ifi.name, type: ifi.type });
        out.gauge('node_wifi_interface_frequency_hertz', 'Centre frequency of the channel the wireless interface is on, in hertz.', ifi.frequencyMegahertz * 1e6, { device: ifi.name });
        const bss = await source.bss(ifi);
        if (bss) bssInfo(out, ifi.name, bss);
        else ctx.logger.debug('no BSS for wifi device', { device: ifi.name });
        const stations = await source.stations(ifi);
        if (stations) for (const s of stations) stationMetrics(out, ifi.name, s);
        else ctx.logger.debug('no station information for wifi device', { device: ifi.name });
      }
    },
  };
}

export const wifiCollector = wifiCollectorFrom(async (fixtures) => (fixtures === '' ? openNl80211() : wifiFixtureSource(fixtures)));
