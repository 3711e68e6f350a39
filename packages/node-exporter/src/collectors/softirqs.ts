import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSoftirqs } from '../procfs/softirqs.js';
import { readFeatureFile } from '../read/index.js';

/** Per-CPU softirq counts from /proc/softirqs. */
export const softirqsCollector: Collector<NodeContext> = {
  name: 'softirqs',
  help: 'Per-CPU softirq counts from /proc/softirqs.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const s of parseSoftirqs(await readFeatureFile(ctx.target.proc('softirqs'), ctx.signal, 'softirqs'))) {
      s.values.forEach((v, cpu) => {
        out.counter('node_softirqs_functions_total', 'Softirq handler runs on the CPU, by vector.', v, { cpu: String(cpu), type: s.type });
      });
    }
  },
};
