import { setNativeHeapTrim, tuneHeap, type HeapTuning } from '@scrapekit/exporter-kit/heap-tuning';
import { capMallocArenas, loadNativeHeap } from './syscall/native-heap.js';

/**
 * The node exporter's V8 settings: young generation capped at two 2 MB halves (the kit collects
 * it after every scrape, so one scrape's garbage fits) and a 4.4x interrupt budget (V8 optimises
 * only the hottest functions: less optimised code, same speed here). docs/BENCHMARKS.md, run 4.
 */
export const NODE_HEAP_TUNING: HeapTuning = {
  youngGenerationCapBytes: 4 * 1024 * 1024,
  extraFlags: ['--interrupt-budget=300000'],
};

/**
 * Process settings applied by the bin before the exporter loads, so they cover start-up too: the
 * kit's heap tuning, then on glibc one malloc arena (only arenas created afterwards are affected)
 * and malloc_trim registered with the kit's post-scrape housekeeping. Loads nothing else.
 */
export async function prepareRuntime(): Promise<void> {
  tuneHeap(NODE_HEAP_TUNING);
  if (process.platform !== 'linux') return;
  await capMallocArenas();
  const heap = await loadNativeHeap();
  if (!(heap instanceof Error)) setNativeHeapTrim(() => heap.trim());
}
