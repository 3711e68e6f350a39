import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSoftnetStat } from '../procfs/softnet.js';
import { readFeatureFile } from '../read/index.js';

/**
 * Per-CPU packet processing counters of the kernel's receive softirq. node_exporter 1.5.0 (the
 * oracle) exports these three; the parser also keeps the newer columns for when that changes.
 */
export const softnetCollector: Collector<NodeContext> = {
  name: 'softnet',
  help: 'Per-CPU network softirq statistics from /proc/net/softnet_stat.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const text = await readFeatureFile(ctx.target.proc('net', 'softnet_stat'), ctx.signal, 'softnet');
    for (const row of parseSoftnetStat(text)) {
      const l = { cpu: String(row.cpu) };
      out.counter('node_softnet_processed_total', 'Packets processed by the CPU.', row.processed, l);
      out.counter('node_softnet_dropped_total', 'Packets dropped because the input backlog was full.', row.dropped, l);
      out.counter('node_softnet_times_squeezed_total', 'Times the receive softirq ran out of budget with work left.', row.timeSqueezed, l);
    }
  },
};
