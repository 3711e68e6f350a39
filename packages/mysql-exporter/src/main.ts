import type { ExporterEntry } from '@scrapekit/exporter-kit/launch';
import type { MysqlTarget } from './target.js';

/**
 * What bin/mysql-exporter.js hands to the kit's launcher: the runtime settings, applied first,
 * and the spec, whose collectors load only afterwards. The young generation stops growing at two
 * 2 MB semi-spaces: a scrape's short-lived rows and text otherwise grow the heap to ~110 MB RSS;
 * with the cap RSS stays flat near 75 MB (bench/mysql-exporter).
 */
export const entry: ExporterEntry<MysqlTarget> = {
  runtime: { heap: { youngGenerationCapBytes: 4 * 1024 * 1024 } },
  loadSpec: async () => (await import('./spec.js')).spec,
};
