import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseLoadavg } from '../procfs/loadavg.js';
import { readProcFile } from '../read/index.js';

export const loadavgCollector: Collector<NodeContext> = {
  name: 'loadavg',
  help: 'Load averages from /proc/loadavg.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const l = parseLoadavg(await readProcFile(ctx.target.proc('loadavg'), ctx.signal));
    out.gauge('node_load1', 'Load average over the last minute.', l.load1);
    out.gauge('node_load5', 'Load average over the last 5 minutes.', l.load5);
    out.gauge('node_load15', 'Load average over the last 15 minutes.', l.load15);
  },
};
