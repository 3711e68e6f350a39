import { readFileSync } from 'node:fs';
import type { ExporterSpec } from '@scrapekit/exporter-kit';
import { nodeCollectors } from './collectors/index.js';
import { platformCollectors } from './platform/index.js';
import { createNodeContext, type NodeContext } from './context.js';
import { nodeFlags } from './flags.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const spec: ExporterSpec<NodeContext> = {
  name: 'node-exporter',
  description: 'Prometheus exporter for hardware and OS metrics, compatible with node_exporter.',
  version: pkg.version,
  defaultListenAddress: ':9100',
  envPrefix: 'NODE_EXPORTER',
  buildInfoMetric: 'node_exporter_build_info',
  collectorMetrics: { duration: 'node_scrape_collector_duration_seconds', success: 'node_scrape_collector_success' },
  collectorFlagPrefix: 'collector',
  // macOS/Windows: the systeminformation-based collectors under node_exporter's names (src/platform).
  collectors: process.platform === 'linux' ? nodeCollectors : platformCollectors(process.platform),
  flags: nodeFlags,
  // The kit has parsed every flag by kind (regexes compiled, durations in ms), applied the
  // deprecated aliases and refused conflicting include/exclude pairs, all before this runs.
  setup({ flags }) {
    const ctx = createNodeContext(flags);
    return { acquire: async () => ({ ok: true, target: ctx }) };
  },
};
