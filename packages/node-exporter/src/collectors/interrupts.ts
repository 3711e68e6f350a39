import { ignoredByFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseInterrupts } from '../procfs/interrupts.js';
import { readFeatureFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const interruptsFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.interrupts.name-include', description: 'Regexp of "<type>;<info>;<devices>" interrupts to report (mutually exclusive with name-exclude).', default: '' },
  { kind: 'regex', name: 'collector.interrupts.name-exclude', description: 'Regexp of "<type>;<info>;<devices>" interrupts to leave out (mutually exclusive with name-include).', default: '' },
  { name: 'collector.interrupts.include-zeros', kind: 'boolean', description: 'Also report interrupt counters that are zero.', default: true },
];

/** Per-CPU interrupt counts from /proc/interrupts (high cardinality: off by default). */
export const interruptsCollector: Collector<NodeContext> = {
  name: 'interrupts',
  flags: interruptsFlags,
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
