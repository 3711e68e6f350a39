import { join } from 'node:path';
import { NoDataError, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseUintAttr } from '../sysfs/attributes.js';
import { raplMetricName, raplZoneNames } from '../sysfs/rapl.js';
import { isPermission, listFeatureDir, mapLimit, READ_CONCURRENCY, readAttr } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const raplFlags: readonly FlagSpec[] = [
  { name: 'collector.rapl.enable-zone-label', kind: 'boolean', description: 'Export node_rapl_joules_total with a rapl_zone label instead of one node_rapl_<zone>_joules_total family per zone.', default: false },
];

/** Energy counters of Intel/AMD RAPL power domains from /sys/class/powercap. */
export const raplCollector: Collector<NodeContext> = {
  name: 'rapl',
  flags: raplFlags,
  help: 'RAPL energy counters from /sys/class/powercap.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const zoneLabel = ctx.target.bool('collector.rapl.enable-zone-label');
    const base = ctx.target.sys('class', 'powercap');
    const entries = await listFeatureDir(base, 'rapl');
    // Only zone directories have a name file; the control-type directory (intel-rapl) does not.
    const names = await mapLimit(entries, READ_CONCURRENCY, (e) => readAttr(join(base, e, 'name'), ctx.signal));
    const zoneDirs = entries.filter((_, i) => names[i] !== undefined);
    const zones = raplZoneNames(names.filter((n): n is string => n !== undefined));
    let energies: Array<string | undefined>;
    try {
      energies = await mapLimit(zoneDirs, READ_CONCURRENCY, (d) => readAttr(join(base, d, 'energy_uj'), ctx.signal));
    } catch (err) {
      // energy_uj is root-only since CVE-2020-8694; without it there is nothing to report.
      if (isPermission(err)) throw new NoDataError('energy_uj not readable (root only)');
      throw err;
    }
    zoneDirs.forEach((dir, i) => {
      const uj = energies[i];
      const zone = zones[i];
      if (uj === undefined || zone === undefined) return;
      const joules = parseUintAttr(uj, `${dir}/energy_uj`) / 1e6;
      const labels = { index: String(zone.index), path: join(base, dir) };
      // --collector.rapl.enable-zone-label: one family with the zone as a label instead of one family per zone.
      if (zoneLabel) out.counter('node_rapl_joules_total', 'Energy consumed by the RAPL domain, in joules.', joules, { ...labels, rapl_zone: zone.name });
      else out.counter(raplMetricName(zone.name), `Energy consumed by the RAPL ${zone.name} domain, in joules.`, joules, labels);
    });
  },
};
