import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { NetlinkError } from '../netlink/route-messages.js';
import type { WifiInterface } from '../netlink/nl80211.js';
import { readWifiInterfaces } from '../syscall/nl80211.js';

const ENOENT = 2;
const EPERM = 1;
const EACCES = 13;

/**
 * Wireless interfaces over nl80211. Without nl80211 on the host (no wireless hardware) there is
 * nothing to report: NoDataError, as node_exporter's ErrNoData. Only the interface frequency is
 * reported; the BSS and station families are not implemented.
 */
export function wifiCollectorFrom(read: () => Promise<WifiInterface[]>): Collector<NodeContext> {
  return {
    name: 'wifi',
    help: 'Wireless interfaces (frequency) over nl80211.',
    defaultEnabled: false,
    async collect(_ctx, out) {
      let interfaces: WifiInterface[];
      try {
        interfaces = await read();
      } catch (err) {
        if (err instanceof NetlinkError && err.errno === ENOENT) throw new NoDataError('wifi: nl80211 is not available on this system (no wireless hardware)');
        if (err instanceof NetlinkError && (err.errno === EPERM || err.errno === EACCES)) throw new NoDataError('wifi: permission denied asking nl80211');
        throw err;
      }
      for (const ifi of interfaces) {
        // Virtual devices without a name (a P2P device) are skipped, as node_exporter skips them.
        if (ifi.name === '') continue;
        out.gauge('node_wifi_interface_frequency_hertz', 'Centre frequency of the channel the wireless interface is on, in hertz.', ifi.frequencyMegahertz * 1e6, { device: ifi.name });
      }
    },
  };
}

export const wifiCollector = wifiCollectorFrom(readWifiInterfaces);
