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
  /** Further V8 flags that V8 honours when set at run time (e.g. --optimize-for-size). */
  readonly extraFlags?: readonly string[];
}

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
 * line, for the launcher to print) on an unknown SCRAPEKIT_MEMORY value.
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
  for (const flag of chosen.extraFlags ?? []) setFlagsFromString(flag);
  const cap = chosen.youngGenerationCapBytes ?? YOUNG_GENERATION_CAP_BYTES;
  const check = youngGenerationGovernor(youngGenerationBytes, setFlagsFromString, cap);
  check();
  // V8 resizes the young generation only in a GC, so that is when to look.
  new PerformanceObserver(check).observe({ entryTypes: ['gc'] });
  minorGc = exposeMinorGc();
  return true;
}

/**
 * A young-generation GC right after each scrape, when almost nothing in the young generation is
 * alive: the scavenge copies next to nothing, and the next scrape starts with an empty young
 * generation instead of V8 collecting in the middle of one, where the scrape's half-built
 * families survive and get promoted to old space. It also frees the scrape's buffers (body, gzip
 * output) at once instead of whenever V8 next collects. Node exporter, 2,000 back-to-back
 * scrapes: RSS 79 -> 75 MiB, latency and CPU unchanged (docs/BENCHMARKS.md, run 4).
 */
let minorGc: ((options: { type: 'minor' }) => void) | undefined;
let minorGcPending = false;

/** V8's gc(), obtained without leaving it on the global object: --expose-gc applies to new contexts. */
function exposeMinorGc(): typeof minorGc {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as typeof minorGc) : undefined;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/** Trim this long after a scrape ends, so the post-scrape GC has freed its buffers first. */
export const NATIVE_TRIM_DELAY_MS = 50;

export interface TrimScheduler {
  /** Called when a scrape has ended. */
  scrapeEnded(): void;
  /** Trims done so far (for tests and debugging). */
  readonly trims: number;
}

/**
 * At most one trim pending at a time, `delayMs` after the first scrape that ends with none
 * pending; if a scrape is running when it is due (`busy`), it waits another `delayMs`, so a trim
 * never competes with a scrape for the event loop. Under back-to-back scrapes that is about one
 * trim per `delayMs`, at a normal scrape interval one per scrape. The timer never keeps the
 * process alive.
 */
export function trimScheduler(
  trim: () => unknown,
  busy: () => boolean,
  delayMs = NATIVE_TRIM_DELAY_MS,
  timers = { setTimeout, clearTimeout },
): TrimScheduler {
  let pending = false;
  let trims = 0;
  const arm = (): void => {
    const t = timers.setTimeout(() => {
      if (busy()) {
        arm();
        return;
      }
      pending = false;
      trims++;
      trim();
    }, delayMs);
    (t as { unref?: () => void }).unref?.();
  };
  return {
    scrapeEnded() {
      if (pending) return;
      pending = true;
      arm();
    },
    get trims() {
      return trims;
    },
  };
}

let scrapesRunning = 0;
let nativeTrim: TrimScheduler | undefined;

/**
 * Registers a function that returns freed native (malloc) memory to the kernel (the node exporter
 * passes glibc's malloc_trim); the kit then calls it shortly after scrapes, never during one.
 */
export function setNativeHeapTrim(trim: () => unknown): void {
  nativeTrim = trimScheduler(trim, () => scrapesRunning > 0);
}

/** Called by the kit when a scrape (a /metrics or /probe request that collects) starts. */
export function scrapeStarted(): void {
  scrapesRunning++;
}

/**
 * Called by the kit when that scrape has ended, answered or not: schedules the young-generation
 * GC (only if tuneHeap applied its settings; coalesced, from the event loop) and the native trim
 * (if one was registered).
 */
export function scrapeEnded(): void {
  scrapesRunning = Math.max(0, scrapesRunning - 1);
  nativeTrim?.scrapeEnded();
  if (!minorGc || minorGcPending) return;
  minorGcPending = true;
  setImmediate(() => {
    minorGcPending = false;
    minorGc?.({ type: 'minor' });
  });
}
