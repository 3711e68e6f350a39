import { ignoredByFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { countArpEntries } from '../procfs/arp.js';
import { readFeatureFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const arpFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.arp.device-include', description: 'Regexp of ARP devices to report (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.arp.device-exclude', description: 'Regexp of ARP devices to leave out (mutually exclusive with device-include).', default: '' },
  {
    name: 'collector.arp.netlink',
    kind: 'boolean',
    description: 'Accepted for node_exporter compatibility; this exporter always reads /proc/net/arp (the 1.5.0 behaviour).',
    default: true,
  },
];

/** Neighbour (ARP) cache size per device, from /proc/net/arp as node_exporter 1.5.0 reads it. */
export const arpCollector: Collector<NodeContext> = {
  name: 'arp',
  flags: arpFlags,
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
