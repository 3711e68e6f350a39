import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseMeminfo } from '../procfs/meminfo.js';
import { readProcFile } from '../read/index.js';

export const meminfoCollector: Collector<NodeContext> = {
  name: 'meminfo',
  help: 'Memory statistics from /proc/meminfo, one gauge per field.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const fields = parseMeminfo(await readProcFile(ctx.target.proc('meminfo'), ctx.signal));
    for (const f of fields) {
      const name = `node_memory_${f.name}`;
      const help = `/proc/meminfo field ${f.name}.`;
      if (name.endsWith('_total')) out.counter(name, help, f.value);
      else out.gauge(name, help, f.value);
    }
  },
};
