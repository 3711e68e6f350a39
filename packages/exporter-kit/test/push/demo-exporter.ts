import { defineCollector } from '../../src/collector.js';
import type { RunningExporter } from '../../src/cli.js';
import { startExporter } from '../../src/cli.js';
import { createLogger } from '../../src/logger.js';
import type { ExporterSpec } from '../../src/spec.js';

/** A kit-only exporter for push tests: a counter, a gauge whose label holds a slash, a histogram. */
export function demoSpec(state: { round: number } = { round: 0 }): ExporterSpec {
  const demo = defineCollector({
    name: 'demo',
    help: 'Fixed demo metrics.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      state.round++;
      out.counter('demo_requests_total', 'Requests.', 42, { method: 'GET' });
      out.gauge('demo_disk_free_bytes', 'Free bytes.', 1.5e9, { mountpoint: '/var/lib' });
      out.histogram('demo_latency_seconds', 'Latency.', { buckets: [[0.1, 3], [1, 8]], sum: 4.25, count: 10 });
      if (state.round === 1) out.gauge('demo_first_round_only', 'Only in the first collection.', 1);
    },
  });
  return {
    name: 'demo-exporter', description: 'Push test exporter.', version: '0.0.1', defaultListenAddress: ':0',
    envPrefix: 'DEMO_EXPORTER', buildInfoMetric: 'demo_exporter_build_info',
    collectorMetrics: { duration: 'demo_scrape_collector_duration_seconds', success: 'demo_scrape_collector_success' },
    collectors: [demo],
  };
}

export async function startDemo(argv: string[], spec: ExporterSpec = demoSpec()): Promise<{ running: RunningExporter; logs: string[] }> {
  const logs: string[] = [];
  const running = await startExporter(spec, { argv, env: {}, logger: createLogger({ level: 'debug', write: (l) => logs.push(l) }) });
  return { running, logs };
}
