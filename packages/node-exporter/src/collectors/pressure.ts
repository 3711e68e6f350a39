import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parsePressure } from '../procfs/pressure.js';
import { readTextIfExists } from '../read/index.js';

export const pressureCollector: Collector<NodeContext> = {
  name: 'pressure',
  help: 'Pressure stall information (PSI) from /proc/pressure.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const [cpu, io, memory] = await Promise.all(
      ['cpu', 'io', 'memory'].map((r) => readTextIfExists(t.proc('pressure', r), ctx.signal)),
    );
    if (cpu === undefined && io === undefined && memory === undefined) {
      throw new NoDataError('no /proc/pressure (needs Linux 4.20+ with CONFIG_PSI)');
    }
    if (cpu !== undefined) {
      const p = parsePressure(cpu, 'pressure/cpu');
      if (p.someSeconds !== undefined) out.counter('node_pressure_cpu_waiting_seconds_total', 'Seconds some runnable tasks waited for a CPU.', p.someSeconds);
    }
    for (const [resource, text] of [['io', io], ['memory', memory]] as const) {
      if (text === undefined) continue;
      const p = parsePressure(text, `pressure/${resource}`);
      if (p.someSeconds !== undefined) out.counter(`node_pressure_${resource}_waiting_seconds_total`, `Seconds some tasks waited for ${resource}.`, p.someSeconds);
      if (p.fullSeconds !== undefined) out.counter(`node_pressure_${resource}_stalled_seconds_total`, `Seconds all non-idle tasks were stalled on ${resource}.`, p.fullSeconds);
    }
  },
};
