import { readFileSync } from 'node:fs';
import { ConfigError, type ExporterSpec } from '@scrapekit/exporter-kit';
import { nodeCollectors } from './collectors/index.js';
import { platformCollectors } from './platform/index.js';
import { createNodeContext, type NodeContext } from './context.js';
import { applyDeprecatedFlags, nodeFlags, parseGoDuration } from './flags.js';
import { ignoredFlagsWarning } from './ignored-flags.js';
import { ntpOptions } from './ntp/options.js';
import { perfOptions } from './perf/options.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Include/exclude pairs that node_exporter refuses to combine. */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [
  ['collector.netdev.device-include', 'collector.netdev.device-exclude'],
];

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
  flags: nodeFlags,
  setup({ flags: given, logger, enabledCollectors }) {
    const enabled = (name: string): boolean => enabledCollectors?.has(name) ?? true;
    const { flags, warnings } = applyDeprecatedFlags(given);
    for (const w of warnings) logger.warn(w);
    const ignored = ignoredFlagsWarning(flags);
    if (ignored !== undefined) logger.warn(ignored);
    // Compiles every regex flag: a typo is reported now, as one line, not at the first scrape.
    const ctx = createNodeContext(flags);
    for (const [a, b] of EXCLUSIVE) {
      if (ctx.str(a) !== '' && ctx.str(b) !== '') throw new ConfigError(`--${a} and --${b} are mutually exclusive; set only one`);
    }
    parseGoDuration('collector.filesystem.mount-timeout', ctx.str('collector.filesystem.mount-timeout') || '5s');
    if (enabled('ntp')) {
      ntpOptions(flags);
      logger.warn('the ntp collector is deprecated in node_exporter and will be removed there in its next major release');
    }
    if (enabled('perf') && perfOptions(flags, 1).tracepoints.length > 0) {
      logger.warn('ignoring --collector.perf.tracepoint: perf tracepoints are not implemented here');
    }
    return { acquire: async () => ({ ok: true, target: ctx }) };
  },
};
