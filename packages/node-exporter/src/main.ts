import type { ExporterEntry } from '@scrapekit/exporter-kit/launch';
import type { NodeContext } from './context.js';
import { runtime } from './runtime.js';

/**
 * What bin/node-exporter.js hands to the kit's launcher: the runtime settings, applied first,
 * and the spec, whose collectors load only afterwards.
 */
export const entry: ExporterEntry<NodeContext> = {
  runtime,
  loadSpec: async () => (await import('./spec.js')).spec,
};
