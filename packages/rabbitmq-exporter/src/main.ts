import type { ExporterEntry } from '@scrapekit/exporter-kit/launch';
import type { RabbitTarget } from './target.js';

/**
 * What bin/rabbitmq-exporter.js hands to the kit's launcher: the runtime settings, applied first,
 * and the spec, whose collectors load only afterwards.
 *
 * A scrape of 10k queues builds ~200k samples and their text in one go; with V8's default 16 MB
 * semi-spaces most of that short-lived garbage is promoted and the process peaks at 400-600 MB
 * RSS. So the young generation stops growing at two 2 MB semi-spaces, with size-oriented
 * heuristics on top (docs/BENCHMARKS.md).
 */
export const entry: ExporterEntry<RabbitTarget> = {
  runtime: { heap: { youngGenerationCapBytes: 4 * 1024 * 1024, extraFlags: ['--optimize-for-size'] } },
  loadSpec: async () => (await import('./spec.js')).spec,
};
