import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { ZONEINFO_FIELDS, parseZoneinfo } from '../procfs/zoneinfo.js';
import { readFeatureFile } from '../read/index.js';

/** Per-zone page counts, watermarks and NUMA counters from /proc/zoneinfo. */
export const zoneinfoCollector: Collector<NodeContext> = {
  name: 'zoneinfo',
  help: 'Memory zone statistics from /proc/zoneinfo.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const z of parseZoneinfo(await readFeatureFile(ctx.target.proc('zoneinfo'), ctx.signal, 'zoneinfo'))) {
      const l = { node: z.node, zone: z.zone };
      for (const [key, v] of z.values) {
        const [suffix, isCounter] = ZONEINFO_FIELDS[key] as readonly [string, boolean];
        const help = `Zone statistic ${key}.`;
        if (isCounter) out.counter(`node_zoneinfo_${suffix}`, help, v, l);
        else out.gauge(`node_zoneinfo_${suffix}`, help, v, l);
      }
      z.protection.forEach((v, i) => out.gauge(`node_zoneinfo_protection_${i}`, `Protection array field ${i} of the zone.`, v, l));
    }
  },
};
