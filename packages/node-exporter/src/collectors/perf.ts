import { availableParallelism } from 'node:os';
import type { Collector, Logger } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import type { PerfEvent, PerfFamily } from '../perf/events.js';
import { perfFlags, perfOptions } from '../perf/options.js';
import { readTextIfExists } from '../read/index.js';
import { PerfOpenError, openPerfCounter, readPerfCounter } from '../syscall/perf-event-open.js';

interface OpenCounter {
  readonly event: PerfEvent;
  readonly cpu: number;
  readonly fd: number;
}

/** Counters stay open from the first scrape on, as node_exporter keeps its profilers running. */
interface PerfState {
  counters?: OpenCounter[];
}

/**
 * Opens every selected event on every selected CPU. A family the host cannot count (no PMU in
 * a VM: ENOENT) is left out with one warning; nothing countable at all fails the scrape with
 * the cause, perf_event_paranoid included.
 */
async function openCounters(ctx: NodeContext, logger: Logger, events: readonly PerfEvent[], cpus: readonly number[]): Promise<OpenCounter[]> {
  const counters: OpenCounter[] = [];
  const failures = new Map<PerfFamily, string>();
  for (const event of events) {
    for (const cpu of cpus) {
      try {
        counters.push({ event, cpu, fd: await openPerfCounter(event.type, event.config, cpu) });
      } catch (err) {
        if (!(err instanceof PerfOpenError)) throw err;
        // As perf-utils: one event the PMU lacks is skipped; the family fails only if none opens.
        if (!counters.some((c) => c.event.family === event.family)) failures.set(event.family, err.errno);
        break;
      }
    }
  }
  for (const c of counters) if (failures.has(c.event.family)) failures.delete(c.event.family);
  if (counters.length === 0 && events.length > 0) {
    const paranoid = (await readTextIfExists(ctx.proc('sys', 'kernel', 'perf_event_paranoid')))?.trim() ?? 'unknown';
    const causes = [...failures].map(([family, errno]) => `${family}: ${errno}`).join(', ');
    throw new Error(`perf_event_open refused every counter (${causes}; kernel.perf_event_paranoid=${paranoid}, needs <= 0 or CAP_PERFMON)`);
  }
  if (failures.size > 0) {
    logger.warn('perf events this host cannot count are left out', { families: [...failures].map(([family, errno]) => `${family} (${errno})`).join(', ') });
  }
  return counters;
}

/** Hardware, software and cache event counters per CPU through perf_event_open(2). */
export const perfCollector: Collector<NodeContext> = {
  name: 'perf',
  help: 'CPU hardware, software and cache event counters per CPU (perf_event_open).',
  defaultEnabled: false,
  flags: perfFlags,
  async collect(ctx, out) {
    const opts = perfOptions(ctx.target.flags, availableParallelism());
    const state = ctx.target.state<PerfState>('perf', () => ({}));
    state.counters ??= await openCounters(ctx.target, ctx.logger, opts.events, opts.cpus);
    for (const c of state.counters) {
      out.counter(`node_perf_${c.event.metric}`, c.event.help, Number(readPerfCounter(c.fd)), { cpu: String(c.cpu) });
    }
  },
};
