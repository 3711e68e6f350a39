import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseKeyValueLines } from '../procfs/keyvalue.js';
import { readProcFile } from '../read/index.js';

export const vmstatCollector: Collector<NodeContext> = {
  name: 'vmstat',
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
