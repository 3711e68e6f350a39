import { createRequire } from 'node:module';
import type { ExporterSpec } from '@scrapekit/exporter-kit';
import { cloudwatchCollector } from './collectors/cloudwatch.js';
import { FLAGS, parseOptions } from './flags.js';
import { CloudWatchRuntime, type CloudWatchTarget } from './runtime.js';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const spec: ExporterSpec<CloudWatchTarget> = {
  name: 'cloudwatch-exporter',
  description: 'Prometheus exporter for AWS CloudWatch metrics, compatible with prometheus/cloudwatch_exporter.',
  version: pkg.version,
  defaultListenAddress: ':9106',
  envPrefix: 'CLOUDWATCH_EXPORTER',
  buildInfoMetric: 'cloudwatch_exporter_build_info',
  collectorMetrics: {
    duration: 'cloudwatch_exporter_collector_duration_seconds',
    success: 'cloudwatch_exporter_collector_success',
  },
  collectors: [cloudwatchCollector],
  flags: FLAGS,
  // CloudWatch is slow and billed per metric: concurrent scrapes share one collection.
  singleFlight: true,
  // Prometheus's timeout header shortens it; without one, a large config gets a minute.
  defaultScrapeTimeoutSeconds: 60,
  setup({ flags, logger }) {
    return CloudWatchRuntime.create(parseOptions(flags), logger);
  },
};
