import { OLD_GENERATION_STEP_BYTES } from '@scrapekit/exporter-kit/heap-tuning';
import type { RuntimeSettings } from '@scrapekit/exporter-kit/launch';

/**
 * The node exporter's runtime settings, applied by the kit's launcher before the exporter loads
 * (so they cover start-up too; bench/node-floor applies them as well).
 *
 * V8: young generation capped at two 2 MB halves (the kit collects it after every scrape, so one
 * scrape's garbage fits) and a 4.4x interrupt budget (V8 optimises only the hottest functions:
 * less optimised code, same speed here). docs/BENCHMARKS.md, run 4. Old generation kept compact
 * (the kit's OLD_GENERATION_STEP_BYTES): run 10.
 *
 * Native heap, on glibc: one malloc arena (only arenas created afterwards are affected) and
 * malloc_trim after scrapes (the kit's native-heap.ts says why). Loads nothing else.
 */
export const runtime: RuntimeSettings = {
  heap: {
    youngGenerationCapBytes: 4 * 1024 * 1024,
    oldGenerationStepBytes: OLD_GENERATION_STEP_BYTES,
    extraFlags: tierUpFlags(process.versions.v8),
  },
  nativeHeapTrim: true,
};

/**
 * The interrupt budget exists up to V8 11 (Node 20); V8 12 (Node 22 and later) replaced it with
 * invocation counts and prints an error for the old flag at every start, so there it is left out
 * (V8's own tier-up: untuned, not yet measured against run 4).
 */
export function tierUpFlags(v8Version: string): string[] {
  return Number(v8Version.split('.')[0]) < 12 ? ['--interrupt-budget=300000'] : [];
}
