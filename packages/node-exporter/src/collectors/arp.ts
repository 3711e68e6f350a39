import { ignoredByFilter, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { countArpEntries } from '../procfs/arp.js';
import { readFeatureFile } from '../read/index.js';

/** Neighbour (ARP) cache size per device, from /proc/net/arp as node_exporter 1.5.0 reads it. */
export const arpCollector: Collector<NodeContext> = {
  name: 'arp',
  help: 'ARP cache entries per device from /proc/net/arp.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const exclude = t.regex('collector.arp.device-exclude');
    const include = t.regex('collector.arp.device-include');
    const counts = countArpEntries(await readFeatureFile(t.proc('net', 'arp'), ctx.signal, 'arp'));
    for (const [device, n] of counts) {
      if (ignoredByFilter(device, include, exclude)) continue;
      out.gauge('node_arp_entries', 'Entries in the ARP cache for the device.', n, { device });
    }
  },
};
