import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseProcStat, SOFTIRQ_VECTORS } from '../procfs/stat.js';
import { readProcFileOnce } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const statFlags: readonly FlagSpec[] = [
  { name: 'collector.stat.softirq', kind: 'boolean', description: 'Export node_softirqs_total per softirq vector.', default: false },
];

export const statCollector: Collector<NodeContext> = {
  name: 'stat',
  flags: statFlags,
  help: 'Kernel counters from /proc/stat: interrupts, context switches, forks, boot time, runnable and blocked processes.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const stat = parseProcStat(await readProcFileOnce(ctx.target.proc('stat'), ctx.signal));
    if (stat.intr !== undefined) out.counter('node_intr_total', 'Interrupts serviced since boot.', stat.intr);
    if (stat.contextSwitches !== undefined) out.counter('node_context_switches_total', 'Context switches since boot.', stat.contextSwitches);
    if (stat.forks !== undefined) out.counter('node_forks_total', 'Processes and threads created since boot.', stat.forks);
    if (stat.bootTime !== undefined) out.gauge('node_boot_time_seconds', 'Boot time, in seconds since the Unix epoch.', stat.bootTime);
    if (stat.procsRunning !== undefined) out.gauge('node_procs_running', 'Processes in runnable state.', stat.procsRunning);
    if (stat.procsBlocked !== undefined) out.gauge('node_procs_blocked', 'Processes blocked waiting for I/O.', stat.procsBlocked);
    if (ctx.target.bool('collector.stat.softirq') && stat.softirqs) {
      stat.softirqs.forEach((n, i) => {
        const vector = SOFTIRQ_VECTORS[i];
        if (vector !== undefined) out.counter('node_softirqs_total', 'Softirqs handled since boot, per vector.', n, { vector });
      });
    }
  },
};
