import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseLnstat } from '../procfs/lnstat.js';
import { listFeatureDir, mapLimit, readAttr } from '../read/index.js';

/** Per-CPU network cache statistics (conntrack, route and neighbour caches) from /proc/net/stat. */
export const lnstatCollector: Collector<NodeContext> = {
  name: 'lnstat',
  help: 'Linux network cache statistics from /proc/net/stat.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const dir = ctx.target.proc('net', 'stat');
    const files = await listFeatureDir(dir, 'lnstat');
    const texts = await mapLimit(files, 8, (f) => readAttr(join(dir, f), ctx.signal));
    files.forEach((subsystem, i) => {
      const text = texts[i];
      if (text === undefined) return;
      for (const [column, perCpu] of parseLnstat(text)) {
        perCpu.forEach((v, cpu) => out.counter(`node_lnstat_${column}_total`, 'Linux network cache statistic.', v, { subsystem, cpu: String(cpu) }));
      }
    });
  },
};
