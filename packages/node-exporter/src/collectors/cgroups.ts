import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseProcCgroups } from '../procfs/cgroups.js';
import { readFeatureFile } from '../read/index.js';

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
