import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSchedstat } from '../procfs/schedstat.js';
import { readFeatureFile } from '../read/index.js';

/** Per-CPU run/wait time from the scheduler statistics (kernels built with CONFIG_SCHEDSTATS). */
export const schedstatCollector: Collector<NodeContext> = {
  name: 'schedstat',
  help: 'Per-CPU scheduler statistics from /proc/schedstat.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const text = await readFeatureFile(ctx.target.proc('schedstat'), ctx.signal, 'schedstat');
    for (const cpu of parseSchedstat(text)) {
      const l = { cpu: cpu.cpu };
      out.counter('node_schedstat_running_seconds_total', 'Seconds the CPU spent running tasks.', cpu.runningNanoseconds / 1e9, l);
      out.counter('node_schedstat_waiting_seconds_total', 'Seconds tasks spent runnable but waiting for this CPU.', cpu.waitingNanoseconds / 1e9, l);
      out.counter('node_schedstat_timeslices_total', 'Timeslices executed by the CPU.', cpu.timeslices, l);
    }
  },
};
