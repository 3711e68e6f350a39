import { readFileSync } from 'node:fs';
import type { ExporterSpec } from '@scrapekit/exporter-kit';
import { nodeCollectors } from './collectors/index.js';
import { platformCollectors } from './platform/index.js';
import { createNodeContext, type NodeContext } from './context.js';
import { nodeFlags } from './flags.js';
import { ignoredFlagsWarning } from './ignored-flags.js';
import { ntpOptions } from './ntp/options.js';
import { perfOptions } from './perf/options.js';
import { readPolicy } from './read/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const spec: ExporterSpec<NodeContext> = {
  name: 'node-exporter',
  description: 'Prometheus exporter for hardware and OS metrics, compatible with node_exporter.',
  version: pkg.version,
  defaultListenAddress: ':9100',
  envPrefix: 'NODE_EXPORTER',
  buildInfoMetric: 'node_exporter_build_info',
  // As node_exporter: a collector that found no data (ErrNoData) reports success 0, logged at debug.
  collectorMetrics: { duration: 'node_scrape_collector_duration_seconds', success: 'node_scrape_collector_success', noDataSuccess: 0 },
  collectorFlagPrefix: 'collector',
  // macOS/Windows: the systeminformation-based collectors under node_exporter's names (src/platform).
  collectors: process.platform === 'linux' ? nodeCollectors : platformCollectors(process.platform),
  // Elsewhere the Linux collectors' flags are still accepted, so one command line (or unit) works on every platform.
  flags: process.platform === 'linux' ? nodeFlags : [...nodeFlags, ...nodeCollectors.flatMap((c) => c.flags ?? [])],
  // The kit has parsed every flag by kind (regexes compiled, durations in ms), applied the
  // deprecated aliases and refused conflicting include/exclude pairs, all before this runs.
  setup({ flags, logger, enabledCollectors }) {
    const enabled = (name: string): boolean => enabledCollectors?.has(name) ?? true;
    const ignored = ignoredFlagsWarning(flags);
    if (ignored !== undefined) logger.warn(ignored);
    const ctx = createNodeContext(flags);
    // As node_exporter's collector constructors: checked only when the collector runs.
    if (enabled('ntp')) {
      ntpOptions(flags);
      logger.warn('the ntp collector is deprecated in node_exporter and will be removed there in its next major release');
    }
    if (enabled('perf') && perfOptions(flags, 1).tracepoints.length > 0) {
      logger.warn('ignoring --collector.perf.tracepoint: perf tracepoints are not implemented here');
    }
    readPolicy.onSlowDirectory = (dir, ms) => {
      logger.info(`a read took longer than ${readPolicy.slowMs} ms; this directory is read off the event loop from now on`, { dir, ms: Math.round(ms) });
    };
    return { acquire: async () => ({ ok: true, target: ctx }) };
  },
};
