import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 heap settings for a long-running exporter, applied by each exporter's launcher (bin/) at
 * start-up through `@scrapekit/exporter-kit/heap-tuning`, a subpath that loads nothing else of
 * the kit so it runs before the exporter's modules. Figures below are the node exporter's.
 *
 * A scrape allocates ~2.6 MB that dies within the scrape. V8 answers that rate by doubling the
 * young generation up to two 16 MB semi-spaces (32 MB resident) and by letting the old
 * generation grow to ~4x its live size between full GCs; together that took the exporter from
 * 60 to 103 MB RSS over 600 back-to-back scrapes. Measured against Go's node_exporter in one
 * alternating run (bench/lib.mjs, 600 back-to-back scrapes):
 *
 *   default V8                          CPU 1.33x Go   RSS 79 -> 105 MB (rising)
 *   young gen frozen at 4 MB semi + 50% CPU 1.35x Go   RSS 71 ->  82 MB
 *   young gen 2 MB semi + 50%           CPU 1.46x Go   RSS 70 ->  79 MB
 *   young gen 1 MB semi (never grown) + 0%  CPU 1.71x Go   RSS 73 ->  77 MB
 *
 * and over 2,000 scrapes: default 1.20x / 80 -> 105 MB, these settings 1.23x / 71 -> 84 MB.
 *
 * So: let the young generation reach 4 MB semi-spaces (where scrapes mostly die young), then
 * stop it growing; and grow the old generation by 50% of the live size instead of V8's dynamic
 * factor. Both flags are read by V8 at GC time, so they work when set from JavaScript
 * (--max-semi-space-size does not: it only counts on the command line, before the heap exists).
 * That is why this is code rather than a shebang `env -S node --max-semi-space-size=...`: it
 * also applies to `node bin/node-exporter.js`, systemd units and BusyBox systems (whose env has
 * no -S). At a 5 s scrape interval V8 itself shrinks the young generation between scrapes and
 * the process sits at ~71 MB RSS.
 */

/** Two semi-spaces of 4 MB. */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;
export const HEAP_GROWING_PERCENT = 50;

/** V8 options through which a user already chose their own heap sizing; then we leave V8 alone. */
const USER_HEAP_FLAG = /--(max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor|--heap[-_]growing[-_]percent|--optimize[-_]for[-_]size|--max[-_]heap[-_]size/;

export function userChoseHeapFlags(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return execArgv.some((a) => USER_HEAP_FLAG.test(a)) || USER_HEAP_FLAG.test(nodeOptions ?? '');
}

function youngGenerationBytes(): number {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'new_space') return s.space_size;
  return 0;
}

/** V8's own --semi-space-growth-factor. */
const V8_GROWTH_FACTOR = 2;

/**
 * Returns the check to run after each GC: growth is frozen once the young generation reaches the
 * cap, and allowed again if V8 shrank it below (its memory reducer does that when the exporter
 * idles between scrapes), so an idle period never leaves it stuck at the 1 MB minimum, where a
 * scrape costs ~30% more CPU. The flag is only set when the state changes.
 */
export function youngGenerationGovernor(size: () => number, setFlag: (flag: string) => void, cap = YOUNG_GENERATION_CAP_BYTES): () => void {
  let frozen = false;
  return () => {
    const full = size() >= cap;
    if (full === frozen) return;
    frozen = full;
    setFlag(`--semi-space-growth-factor=${full ? 1 : V8_GROWTH_FACTOR}`);
  };
}

export interface HeapTuning {
  /** Size of both semi-spaces together at which the young generation stops growing. */
  readonly youngGenerationCapBytes?: number;
  readonly heapGrowingPercent?: number;
  /**
   * Keep the old generation compact: every full GC compacts (--compact-on-every-full-gc), and
   * after a scrape the kit runs one once old space has grown this much since the last. Omitted:
   * V8 decides. Why, with figures: OLD_GENERATION below.
   */
  readonly oldGenerationStepBytes?: number;
  /** Further V8 flags that V8 honours when set at run time (e.g. --optimize-for-size). */
  readonly extraFlags?: readonly string[];
}

/**
 * Old generation. V8 lets old space grow by at least 8 MB between full GCs whatever
 * --heap-growing-percent says, and a full GC leaves partly used pages in place unless it compacts
 * them; a full GC of its own after a scrape is then no help (docs/BENCHMARKS.md, run 9). The node
 * exporter keeps ~8 MB live and promotes ~55 KB a scrape: with V8's defaults its old space
 * swings between 11 and 18 MB. Every full GC compacting, plus one after the scrape in which old
 * space grew 4 MB, keeps it at 8-12 MB: 2,000 back-to-back scrapes end at 67 MiB RSS instead of
 * 74, flat, with latency and CPU unchanged (one full GC per ~70 scrapes; run 10).
 */
export const OLD_GENERATION_STEP_BYTES = 4 * 1024 * 1024;

/** The environment variable that selects the memory-first profile (`SCRAPEKIT_MEMORY=low`). */
export const MEMORY_PROFILE_ENV = 'SCRAPEKIT_MEMORY';

/**
 * Memory-first profile for hosts where every megabyte counts: young generation frozen at two 2 MB
 * semi-spaces, old generation grown by 30%, and no optimising compiler (--max-opt=1: bytecode and
 * Sparkplug baseline code only), which saves its code, its compile-time memory and the pages of
 * node's binary it would touch. Node exporter, 2,000 back-to-back scrapes: RSS 64 MB instead of
 * 77, at 1.9x Go's CPU instead of 1.1x and 1.5x its median latency (docs/BENCHMARKS.md).
 */
export const LOW_MEMORY_TUNING: Required<HeapTuning> = {
  youngGenerationCapBytes: 4 * 1024 * 1024,
  heapGrowingPercent: 30,
  oldGenerationStepBytes: 2 * 1024 * 1024,
  extraFlags: ['--max-opt=1'],
};

/** The tuning to apply: the exporter's own, or the memory-first profile when the environment asks for it. */
export function chooseTuning(tuning: HeapTuning, env: NodeJS.ProcessEnv): HeapTuning {
  const profile = env[MEMORY_PROFILE_ENV];
  if (profile === undefined || profile === '' || profile === 'default') return tuning;
  if (profile === 'low') return { ...LOW_MEMORY_TUNING, extraFlags: [...(tuning.extraFlags ?? []), ...LOW_MEMORY_TUNING.extraFlags] };
  throw new Error(`${MEMORY_PROFILE_ENV}=${profile} is not a memory profile; use ${MEMORY_PROFILE_ENV}=low or leave it unset`);
}

/**
 * Applies the settings above unless the user set heap flags; returns whether it did. Throws (one
 * line, for the launcher to print) on an unknown SCRAPEKIT_MEMORY value. V8 flags are process-wide,
 * so this is called once per process, by the launcher (launch.ts) before the exporter loads.
 */
export function tuneHeap(
  tuning: HeapTuning = {},
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const chosen = chooseTuning(tuning, env);
  if (userChoseHeapFlags(execArgv, nodeOptions)) return false;
  setFlagsFromString(`--heap-growing-percent=${chosen.heapGrowingPercent ?? HEAP_GROWING_PERCENT}`);
  if (chosen.oldGenerationStepBytes !== undefined) setFlagsFromString('--compact-on-every-full-gc');
  for (const flag of chosen.extraFlags ?? []) setFlagsFromString(flag);
  const cap = chosen.youngGenerationCapBytes ?? YOUNG_GENERATION_CAP_BYTES;
  const check = youngGenerationGovernor(youngGenerationBytes, setFlagsFromString, cap);
  check();
  // V8 resizes the young generation only in a GC, so that is when to look.
  new PerformanceObserver(check).observe({ entryTypes: ['gc'] });
  return true;
}

/**
 * The full GC's trigger: true once old space has grown `stepBytes` over its smallest size seen
 * since the last full GC (V8's own full GCs lower that mark too), and then the mark is reset.
 */
export function oldGenerationGovernor(used: () => number, stepBytes: number): () => boolean {
  let mark = used();
  return () => {
    const now = used();
    if (now < mark) mark = now;
    if (now < mark + stepBytes) return false;
    mark = Number.POSITIVE_INFINITY;
    return true;
  };
}

function oldSpaceUsed(): number {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'old_space') return s.space_used_size;
  return 0;
}

/**
 * What the kit runs after each scrape once the heap is tuned (housekeeping.ts says why): a
 * young-generation GC, and with `oldGenerationStepBytes` a full one when the governor above says
 * so. V8's gc() is obtained without leaving it on the global object (--expose-gc applies to new
 * contexts only); undefined where V8 refuses.
 */
export function postScrapeGc(oldGenerationStepBytes?: number, used: () => number = oldSpaceUsed): (() => void) | undefined {
  let gc: unknown;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as unknown;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc as (options?: { type: 'minor' }) => void;
  const oldGrown = oldGenerationStepBytes === undefined ? undefined : oldGenerationGovernor(used, oldGenerationStepBytes);
  return () => {
    collect({ type: 'minor' });
    // gc() without options is V8's full, synchronous collection.
    if (oldGrown?.()) collect();
  };
}
