import type { ExporterEntry } from '@scrapekit/exporter-kit/launch';
import type { CloudWatchTarget } from './runtime.js';

/**
 * What bin/cloudwatch-exporter.js hands to the kit's launcher: the runtime settings, applied first,
 * and the spec, whose AWS SDK clients load only afterwards.
 *
 * A collection of 5,000 metrics × 2 statistics parses 20 GetMetricData answers and builds 10k
 * samples at once; with V8's default 16 MB semi-spaces RSS settles near 143 MiB, with the young
 * generation capped at two 2 MB halves and size-oriented heuristics near 83 MiB
 * (docs/BENCHMARKS.md, cloudwatch-exporter run 2). The parsed answers leave freed malloc chunks
 * behind: with the kit's native-heap trim RSS settles at 69–76 MiB between collections instead of
 * ~85, though loading koffi for it costs ~3 MiB at idle (run 3).
 */
export const entry: ExporterEntry<CloudWatchTarget> = {
  runtime: { heap: { youngGenerationCapBytes: 4 * 1024 * 1024, extraFlags: ['--optimize-for-size'] }, nativeHeapTrim: true },
  loadSpec: async () => (await import('./spec.js')).spec,
};
