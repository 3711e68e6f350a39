import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseBuddyinfo, parseProcCgroups } from '../procfs/buddyinfo.js';
import { readFeatureFile } from './sysfs-read.js';

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

/** cgroup v1 controllers and how many cgroups each has, from /proc/cgroups. */
export const cgroupsCollector: Collector<NodeContext> = {
  name: 'cgroups',
  help: 'cgroup controller summary from /proc/cgroups.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const s of parseProcCgroups(await readFeatureFile(ctx.target.proc('cgroups'), ctx.signal, 'cgroups'))) {
      out.gauge('node_cgroups_cgroups', 'Control groups of the controller.', s.cgroups, { subsys_name: s.name });
      out.gauge('node_cgroups_enabled', 'Whether the controller is enabled (1) or not (0).', s.enabled, { subsys_name: s.name });
    }
  },
};
