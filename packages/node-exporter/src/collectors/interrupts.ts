import { ignoredByFilter, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseInterrupts } from '../procfs/interrupts.js';
import { readFeatureFile } from '../read/index.js';

/** Per-CPU interrupt counts from /proc/interrupts (high cardinality: off by default). */
export const interruptsCollector: Collector<NodeContext> = {
  name: 'interrupts',
  help: 'Per-CPU interrupt counts from /proc/interrupts.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const t = ctx.target;
    const include = t.regex('collector.interrupts.name-include');
    const exclude = t.regex('collector.interrupts.name-exclude');
    // Unset means node_exporter's default (true): only an explicit --no-… drops zero counts.
    const includeZeros = t.flags['collector.interrupts.include-zeros'] !== false;
    for (const irq of parseInterrupts(await readFeatureFile(t.proc('interrupts'), ctx.signal, 'interrupts'))) {
      if (ignoredByFilter(`${irq.type};${irq.info};${irq.devices}`, include, exclude)) continue;
      irq.values.forEach((v, cpu) => {
        if (!includeZeros && v === 0) return;
        out.counter('node_interrupts_total', 'Interrupts serviced by the CPU.', v, { cpu: String(cpu), type: irq.type, info: irq.info, devices: irq.devices });
      });
    }
  },
};
