import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * V8 heap settings for a long-running exporter, applied by the launcher (bin/) at start-up.
 *
 * A scrape allocates ~2.6 MB that dies within the scrape. V8 answers that rate by doubling the
 * young generation up to two 16 MB semi-spaces (32 MB resident) and by letting the old
 * generation grow to ~4x its live size between full GCs; together that took the exporter from
 * 60 to 103 MB RSS over 600 back-to-back scrapes. Measured against Go's node_exporter in one
 * alternating run (bench lib, 600 scrapes, docs/BENCHMARKS.md):
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
 * factor. Both flags are read by V8 at GC time, so they work when set from JavaScript (the
 * --max-semi-space-size command-line flag does not: the heap is already configured by then).
 * That is why this is code rather than a shebang `env -S node --max-semi-space-size=...`: it
 * also applies to `node bin/node-exporter.js`, systemd units and BusyBox systems (whose env has
 * no -S).
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

/** Applies the settings above unless the user set heap flags; returns whether it did. */
export function tuneHeap(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (userChoseHeapFlags(execArgv, nodeOptions)) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const freeze = (): void => setFlagsFromString('--semi-space-growth-factor=1');
  if (youngGenerationBytes() >= YOUNG_GENERATION_CAP_BYTES) {
    freeze();
    return true;
  }
  // V8 grows the young generation only in a GC, so look after each one until it is big enough.
  const observer = new PerformanceObserver(() => {
    if (youngGenerationBytes() < YOUNG_GENERATION_CAP_BYTES) return;
    freeze();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
  return true;
}
