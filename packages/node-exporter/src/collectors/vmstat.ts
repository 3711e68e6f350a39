import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseKeyValueLines } from '../procfs/keyvalue.js';
import { readProcFile } from '../read/index.js';

export const VMSTAT_FIELDS =
  '^(oom_kill|pgpg|pswp|pg.*fault).*';
/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const vmstatFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.vmstat.fields', description: 'Regexp of /proc/vmstat fields to export.', default: VMSTAT_FIELDS },
];

export const vmstatCollector: Collector<NodeContext> = {
  name: 'vmstat',
  flags: vmstatFlags,
  help: 'Virtual memory counters from /proc/vmstat, filtered by --collector.vmstat.fields.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const rows = parseKeyValueLines(await readProcFile(ctx.target.proc('vmstat'), ctx.signal), 'vmstat');
    const fields = ctx.target.regex('collector.vmstat.fields');
    for (const [name, value] of rows) {
      if (fields && !fields.test(name)) continue;
      out.untyped(`node_vmstat_${name}`, `/proc/vmstat field ${name}.`, value);
    }
  },
};
