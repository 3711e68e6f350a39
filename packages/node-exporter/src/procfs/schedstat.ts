import { ParseError } from './errors.js';

/** Per-CPU scheduler totals from /proc/schedstat (version 15+ layout). */
export interface SchedstatCpu {
  readonly cpu: string;
  readonly runningNanoseconds: number;
  readonly waitingNanoseconds: number;
  readonly timeslices: number;
}

/**
 * Only the `cpuN` lines matter: their 7th, 8th and 9th counters are time spent running,
 * time spent waiting on a run queue (both ns) and the number of timeslices run. The
 * `version`, `timestamp` and `domainN` lines are skipped.
 */
export function parseSchedstat(text: string): SchedstatCpu[] {
  const out: SchedstatCpu[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu')) continue;
    const fields = line.trim().split(/\s+/);
    const m = /^cpu(\d+)$/.exec(fields[0] as string);
    if (!m) throw new ParseError(`schedstat: bad cpu field ${JSON.stringify(fields[0])}`);
    if (fields.length < 10) throw new ParseError(`schedstat: ${fields[0]} has ${fields.length - 1} counters, expected at least 9`);
    const nums = fields.slice(1, 10).map((f) => {
      if (!/^\d+$/.test(f)) throw new ParseError(`schedstat: ${fields[0]}: not a counter: ${JSON.stringify(f)}`);
      return Number(f);
    });
    out.push({
      cpu: m[1] as string,
      runningNanoseconds: nums[6] as number,
      waitingNanoseconds: nums[7] as number,
      timeslices: nums[8] as number,
    });
  }
  return out;
}
