import { createRequire } from 'node:module';
import type { ExporterSpec } from '@scrapekit/exporter-kit';
import { Canary } from './canary.js';
import { COLLECTORS } from './collectors/index.js';
import { FLAGS, parseOptions } from './config.js';
import { RabbitRuntime, type RabbitTarget } from './target.js';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const spec: ExporterSpec<RabbitTarget> = {
  name: 'rabbitmq-exporter',
  description: 'RabbitMQ metrics with rabbitmq_prometheus names, from the management HTTP API, plus an AMQP canary',
  version: pkg.version,
  defaultListenAddress: ':9419',
  envPrefix: 'RABBITMQ_EXPORTER',
  buildInfoMetric: 'rabbitmq_exporter_build_info',
  collectorMetrics: {
    duration: 'rabbitmq_exporter_collector_duration_seconds',
    success: 'rabbitmq_exporter_collector_success',
  },
  collectors: COLLECTORS,
  flags: FLAGS,
  // A scrape pages through every queue: concurrent scrapes share one collection.
  singleFlight: true,
  setup({ flags, logger }) {
    const options = parseOptions(flags);
    const canary = options.amqpUrl ? new Canary(options.amqpUrl, options.canaryTimeoutMs, logger.child({ component: 'canary' })) : undefined;
    return new RabbitRuntime(options, canary);
  },
};
