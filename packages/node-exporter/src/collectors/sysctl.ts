import { sanitizeMetricName, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSysctlRequest, parseSysctlValues, type SysctlRequest } from '../procfs/sysctl.js';
import { mapLimit, readFeatureFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const sysctlFlags: readonly FlagSpec[] = [
  { name: 'collector.sysctl.include', kind: 'list', description: 'Numeric sysctl to export, as <name>[:<field>,<field>…] (repeatable).', placeholder: '<sysctl>' },
  { name: 'collector.sysctl.include-info', kind: 'list', description: 'Text sysctl to export as node_sysctl_info labels (repeatable).', placeholder: '<sysctl>' },
];

const INFO_HELP = 'Text value of a sysctl, as labels; always 1.';

/** Chosen sysctls (--collector.sysctl.include / include-info) from /proc/sys. */
export const sysctlCollector: Collector<NodeContext> = {
  name: 'sysctl',
  flags: sysctlFlags,
  help: 'Selected sysctl values from /proc/sys.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const t = ctx.target;
    const requests: SysctlRequest[] = [
      ...t.list('collector.sysctl.include').map((v) => parseSysctlRequest(v, true)),
      ...t.list('collector.sysctl.include-info').map((v) => parseSysctlRequest(v, false)),
    ];
    const texts = await mapLimit(requests, 8, (r) => readFeatureFile(t.proc('sys', ...r.name.split('.')), ctx.signal, `sysctl ${r.name}`));
    requests.forEach((r, i) => {
      const values = parseSysctlValues(texts[i] as string, r.numeric, r.name);
      const metric = `node_sysctl_${sanitizeMetricName(r.name)}`;
      const help = `sysctl ${r.name}.`;
      if (values.length === 0) throw new Error(`sysctl ${r.name} has no values`);
      if (values.length === 1 && r.keys.length > 0) throw new Error(`sysctl ${r.name} has one value, but keys ${r.keys.join(',')} were given`);
      if (values.length > 1 && r.keys.length > 0) {
        if (!r.numeric) throw new Error(`sysctl ${r.name}: named fields are only supported for numeric sysctls`);
        if (values.length !== r.keys.length) throw new Error(`sysctl ${r.name} has ${values.length} values but ${r.keys.length} keys`);
        values.forEach((v, k) => out.untyped(`${metric}_${r.keys[k]}`, `sysctl ${r.name}, field ${k}.`, v as number));
        return;
      }
      values.forEach((v, k) => {
        if (r.numeric) out.untyped(metric, help, v as number, values.length === 1 ? {} : { index: String(k) });
        else out.gauge('node_sysctl_info', INFO_HELP, 1, { name: r.name, value: String(v), index: String(k) });
      });
    });
  },
};
