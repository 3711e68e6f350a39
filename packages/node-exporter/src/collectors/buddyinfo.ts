import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseBuddyinfo } from '../procfs/buddyinfo.js';
import { readFeatureFile } from '../read/index.js';

/** Free memory blocks per NUMA node, zone and order from /proc/buddyinfo. */
export const buddyinfoCollector: Collector<NodeContext> = {
  name: 'buddyinfo',
  help: 'Free memory fragments per zone and order from /proc/buddyinfo.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const z of parseBuddyinfo(await readFeatureFile(ctx.target.proc('buddyinfo'), ctx.signal, 'buddyinfo'))) {
      z.sizes.forEach((n, order) => {
        out.gauge('node_buddyinfo_blocks', 'Free blocks of 2^size pages in the zone.', n, { node: z.node, zone: z.zone, size: String(order) });
      });
    }
  },
};
