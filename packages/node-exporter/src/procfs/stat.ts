import { ParseError, fields, lines, parseNumber } from './errors.js';

/** The kernel reports /proc/stat CPU times in USER_HZ, which is 100 on every Linux ABI. */
export const USER_HZ = 100;

/** Seconds spent per mode by one CPU (guest time is also counted in user/nice by the kernel). */
export interface CpuTimes {
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  readonly iowait: number;
  readonly irq: number;
  readonly softirq: number;
  readonly steal: number;
  readonly guest: number;
  readonly guestNice: number;
}

export interface ProcStat {
  /** Per-CPU times keyed by CPU number (offline CPUs are absent, so keys may have gaps). */
  readonly cpus: ReadonlyMap<number, CpuTimes>;
  readonly intr?: number;
  readonly contextSwitches?: number;
  readonly bootTime?: number;
  readonly forks?: number;
  readonly procsRunning?: number;
  readonly procsBlocked?: number;
  readonly softirqTotal?: number;
  /** Per-vector softirq counts in kernel order (HI, TIMER, NET_TX, ...). */
  readonly softirqs?: readonly number[];
}

const SRC = 'proc/stat';

export function parseProcStat(text: string): ProcStat {
  const cpus = new Map<number, CpuTimes>();
  const result: { -readonly [K in keyof ProcStat]: ProcStat[K] } = { cpus };
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    const key = f[0] as string;
    if (key.startsWith('cpu')) {
      if (key === 'cpu') continue;
      const id = key.slice(3);
      if (!/^\d+$/.test(id)) throw new ParseError(`${SRC}: bad CPU line ${JSON.stringify(key)}`, no);
      if (f.length < 5) throw new ParseError(`${SRC}: CPU line with ${f.length - 1} fields`, no);
      const v = f.slice(1).map((x) => parseNumber(x, SRC, no) / USER_HZ);
      cpus.set(Number(id), {
        user: v[0] ?? 0, nice: v[1] ?? 0, system: v[2] ?? 0, idle: v[3] ?? 0, iowait: v[4] ?? 0,
        irq: v[5] ?? 0, softirq: v[6] ?? 0, steal: v[7] ?? 0, guest: v[8] ?? 0, guestNice: v[9] ?? 0,
      });
      continue;
    }
    const first = (): number => parseNumber(f[1], SRC, no);
    switch (key) {
      case 'intr': result.intr = first(); break;
      case 'ctxt': result.contextSwitches = first(); break;
      case 'btime': result.bootTime = first(); break;
      case 'processes': result.forks = first(); break;
      case 'procs_running': result.procsRunning = first(); break;
      case 'procs_blocked': result.procsBlocked = first(); break;
      case 'softirq':
        result.softirqTotal = first();
        result.softirqs = f.slice(2).map((x) => parseNumber(x, SRC, no));
        break;
      default: break; // page/swap/other lines of old kernels carry nothing we export
    }
  }
  return result;
}

/** Kernel softirq vector names, in /proc/stat's column order. */
export const SOFTIRQ_VECTORS = ['hi', 'timer', 'net_tx', 'net_rx', 'block', 'block_iopoll', 'tasklet', 'sched', 'hrtimer', 'rcu'] as const;
