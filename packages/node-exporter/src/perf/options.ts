import { ConfigError, type FlagSpec, type FlagValues } from '@scrapekit/exporter-kit';
import { PERF_EVENTS, parsePerfCpus, type PerfEvent, type PerfFamily } from './events.js';

/** node_exporter's perf collector flags, names and defaults as upstream. */
export const perfFlags: readonly FlagSpec[] = [
  { name: 'collector.perf.cpus', description: 'CPUs to count on, e.g. "0,2-5,8-15:2" (default: every CPU).', default: '', placeholder: '<cpus>' },
  { name: 'collector.perf.tracepoint', kind: 'list', description: 'perf tracepoint <subsystem>:<event> to count (repeatable; not implemented here: accepted with a warning).', placeholder: '<tracepoint>' },
  { name: 'collector.perf.disable-hardware-profilers', kind: 'boolean', description: 'Do not count the hardware events.', default: false },
  { name: 'collector.perf.hardware-profilers', kind: 'list', description: 'Hardware events to count (repeatable; default: all), e.g. CpuCycles, CpuInstr.', placeholder: '<profiler>' },
  { name: 'collector.perf.disable-software-profilers', kind: 'boolean', description: 'Do not count the software events.', default: false },
  { name: 'collector.perf.software-profilers', kind: 'list', description: 'Software events to count (repeatable; default: all), e.g. PageFault, ContextSwitch.', placeholder: '<profiler>' },
  { name: 'collector.perf.disable-cache-profilers', kind: 'boolean', description: 'Do not count the cache events.', default: false },
  { name: 'collector.perf.cache-profilers', kind: 'list', description: 'Cache events to count (repeatable; default: all), e.g. L1DataReadHit, LLReadMiss.', placeholder: '<profiler>' },
];

export interface PerfOptions {
  readonly cpus: readonly number[];
  readonly events: readonly PerfEvent[];
  readonly tracepoints: readonly string[];
}

function list(flags: FlagValues, name: string): readonly string[] {
  const v = flags[name];
  if (v === undefined || v === '' || v === false) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

function enabled(flags: FlagValues, name: string): boolean {
  return !(flags[name] === true || flags[name] === 'true');
}

/** Which events on which CPUs; an unknown profiler or a malformed CPU list is a ConfigError naming the flag. */
export function perfOptions(flags: FlagValues, cpuCount: number): PerfOptions {
  const cpuText = typeof flags['collector.perf.cpus'] === 'string' ? (flags['collector.perf.cpus'] as string) : '';
  let cpus: number[];
  try {
    cpus = cpuText === '' ? Array.from({ length: cpuCount }, (_, i) => i) : parsePerfCpus(cpuText);
  } catch (err) {
    throw new ConfigError(`--collector.perf.cpus: ${(err as Error).message}`);
  }
  const events: PerfEvent[] = [];
  for (const family of ['hardware', 'software', 'cache'] as const satisfies readonly PerfFamily[]) {
    if (!enabled(flags, `collector.perf.disable-${family}-profilers`)) continue;
    const known = PERF_EVENTS.filter((e) => e.family === family);
    const wanted = list(flags, `collector.perf.${family}-profilers`);
    for (const name of wanted) {
      if (!known.some((e) => e.profiler === name)) {
        throw new ConfigError(`--collector.perf.${family}-profilers: unknown profiler ${JSON.stringify(name)}; use one of ${known.map((e) => e.profiler).join(', ')}`);
      }
    }
    events.push(...(wanted.length === 0 ? known : known.filter((e) => wanted.includes(e.profiler))));
  }
  return { cpus, events, tracepoints: list(flags, 'collector.perf.tracepoint') };
}
