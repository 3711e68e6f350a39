import type { ExporterEntry } from '@scrapekit/exporter-kit/launch';

/**
 * What bin/cloudwatch-exporter.js hands to the kit's launcher. No runtime settings of its own:
 * V8's defaults, or the memory-first profile when SCRAPEKIT_MEMORY=low.
 */
export const entry: ExporterEntry<void> = {
  loadSpec: async () => (await import('./spec.js')).spec,
};
