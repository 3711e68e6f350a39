import { createRequire } from 'node:module';
import type { ExporterSpec } from '@scrapekit/exporter-kit';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * The CloudWatch exporter on the kit. So far it serves its build info and process metrics only;
 * CloudWatch rules (config.ts), GetMetricData batching (planner.ts) and naming come with the
 * CloudWatch issue.
 */
export const spec: ExporterSpec<void> = {
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
  collectors: [],
};
