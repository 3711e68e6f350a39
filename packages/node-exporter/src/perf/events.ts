/**
 * The perf counters node_exporter's perf collector reads (through hodgesds/perf-utils), as
 * perf_event_open(2) types and configs, under its profiler names (the values of
 * --collector.perf.{hardware,software,cache}-profilers) and metric names.
 */
export type PerfFamily = 'hardware' | 'software' | 'cache';

export interface PerfEvent {
  readonly family: PerfFamily;
  /** The profiler name node_exporter's flags take. */
  readonly profiler: string;
  readonly type: number;
  readonly config: bigint;
  /** node_perf_<metric>. */
  readonly metric: string;
  readonly help: string;
}

const PERF_TYPE_HARDWARE = 0;
const PERF_TYPE_SOFTWARE = 1;
const PERF_TYPE_HW_CACHE = 3;

const CACHE = { l1d: 0, l1i: 1, ll: 2, dtlb: 3, itlb: 4, bpu: 5 } as const;
const OP = { read: 0, write: 1 } as const;
const RESULT = { access: 0, miss: 1 } as const;

function cacheConfig(cache: number, op: number, result: number): bigint {
  return BigInt(cache | (op << 8) | (result << 16));
}

const hw = (profiler: string, config: number, metric: string, help: string): PerfEvent =>
  ({ family: 'hardware', profiler, type: PERF_TYPE_HARDWARE, config: BigInt(config), metric, help });
const sw = (profiler: string, config: number, metric: string, help: string): PerfEvent =>
  ({ family: 'software', profiler, type: PERF_TYPE_SOFTWARE, config: BigInt(config), metric, help });
const cache = (profiler: string, c: number, op: number, result: number, metric: string, help: string): PerfEvent =>
  ({ family: 'cache', profiler, type: PERF_TYPE_HW_CACHE, config: cacheConfig(c, op, result), metric, help });

export const PERF_EVENTS: readonly PerfEvent[] = [
  hw('CpuCycles', 0, 'cpucycles_total', 'CPU cycles counted by the PMU.'),
  hw('CpuInstr', 1, 'instructions_total', 'Instructions retired.'),
  hw('CacheRef', 2, 'cache_refs_total', 'Cache references (usually last-level).'),
  hw('CacheMisses', 3, 'cache_misses_total', 'Cache misses (usually last-level).'),
  hw('BranchInstr', 4, 'branch_instructions_total', 'Branch instructions retired.'),
  hw('BranchMisses', 5, 'branch_misses_total', 'Mispredicted branches.'),
  hw('StalledCyclesFrontend', 7, 'stalled_cycles_frontend_total', 'Cycles the front end stalled.'),
  hw('StalledCyclesBackend', 8, 'stalled_cycles_backend_total', 'Cycles the back end stalled.'),
  hw('RefCpuCycles', 9, 'ref_cpucycles_total', 'CPU cycles at the reference clock, unaffected by frequency scaling.'),
  sw('PageFault', 2, 'page_faults_total', 'Page faults.'),
  sw('ContextSwitch', 3, 'context_switches_total', 'Context switches.'),
  sw('CpuMigration', 4, 'cpu_migrations_total', 'Tasks migrated to another CPU.'),
  sw('MinorFault', 5, 'minor_faults_total', 'Page faults served without disk I/O.'),
  sw('MajorFault', 6, 'major_faults_total', 'Page faults that needed disk I/O.'),
  cache('L1DataReadHit', CACHE.l1d, OP.read, RESULT.access, 'cache_l1d_read_hits_total', 'L1 data cache read accesses.'),
  cache('L1DataReadMiss', CACHE.l1d, OP.read, RESULT.miss, 'cache_l1d_read_misses_total', 'L1 data cache read misses.'),
  cache('L1DataWriteHit', CACHE.l1d, OP.write, RESULT.access, 'cache_l1d_write_hits_total', 'L1 data cache write accesses.'),
  cache('L1InstrReadMiss', CACHE.l1i, OP.read, RESULT.miss, 'cache_l1_instr_read_misses_total', 'L1 instruction cache read misses.'),
  cache('LLReadHit', CACHE.ll, OP.read, RESULT.access, 'cache_ll_read_hits_total', 'Last-level cache read accesses.'),
  cache('LLReadMiss', CACHE.ll, OP.read, RESULT.miss, 'cache_ll_read_misses_total', 'Last-level cache read misses.'),
  cache('LLWriteHit', CACHE.ll, OP.write, RESULT.access, 'cache_ll_write_hits_total', 'Last-level cache write accesses.'),
  cache('LLWriteMiss', CACHE.ll, OP.write, RESULT.miss, 'cache_ll_write_misses_total', 'Last-level cache write misses.'),
  cache('InstrTLBReadHit', CACHE.itlb, OP.read, RESULT.access, 'cache_tlb_instr_read_hits_total', 'Instruction TLB read accesses.'),
  cache('InstrTLBReadMiss', CACHE.itlb, OP.read, RESULT.miss, 'cache_tlb_instr_read_misses_total', 'Instruction TLB read misses.'),
  cache('BPUReadHit', CACHE.bpu, OP.read, RESULT.access, 'cache_bpu_read_hits_total', 'Branch prediction unit read accesses.'),
  cache('BPUReadMiss', CACHE.bpu, OP.read, RESULT.miss, 'cache_bpu_read_misses_total', 'Branch prediction unit read misses.'),
  cache('DataTLBReadHit', CACHE.dtlb, OP.read, RESULT.access, 'cache_tlb_data_read_hits_total', 'Data TLB read accesses.'),
  cache('DataTLBReadMiss', CACHE.dtlb, OP.read, RESULT.miss, 'cache_tlb_data_read_misses_total', 'Data TLB read misses.'),
  cache('DataTLBWriteHit', CACHE.dtlb, OP.write, RESULT.access, 'cache_tlb_data_write_hits_total', 'Data TLB write accesses.'),
  cache('DataTLBWriteMiss', CACHE.dtlb, OP.write, RESULT.miss, 'cache_tlb_data_write_misses_total', 'Data TLB write misses.'),
];

export const PERF_ATTR_SIZE = 128;

/**
 * struct perf_event_attr for a counting (not sampling) event on one CPU, all processes: type,
 * size, config, every flag bit 0 (enabled from the start, kernel and user counted).
 */
export function encodePerfEventAttr(type: number, config: bigint): Buffer {
  const attr = Buffer.alloc(PERF_ATTR_SIZE);
  attr.writeUInt32LE(type, 0);
  attr.writeUInt32LE(PERF_ATTR_SIZE, 4);
  attr.writeBigUInt64LE(config, 8);
  return attr;
}

/** --collector.perf.cpus as node_exporter reads it: "0,2-5,8-15:2" (a range may take a stride). */
export function parsePerfCpus(text: string): number[] {
  const cpus: number[] = [];
  const int = (s: string): number => {
    if (!/^\d+$/.test(s)) throw new Error(`${JSON.stringify(s)} is not a CPU number`);
    return Number(s);
  };
  for (const part of text.split(',')) {
    if (!part.includes('-')) {
      cpus.push(int(part));
      continue;
    }
    const [range, strideText, ...extra] = part.split(':');
    const stride = strideText === undefined ? 1 : int(strideText);
    const bounds = (range as string).split('-');
    if (extra.length > 0 || bounds.length !== 2 || stride < 1) throw new Error(`${JSON.stringify(part)} is not a CPU range (a-b or a-b:stride)`);
    for (let cpu = int(bounds[0] as string); cpu <= int(bounds[1] as string); cpu += stride) cpus.push(cpu);
  }
  return cpus;
}
