import type { ExporterSpec, FlagSpec } from '../../src/index.js';
import { defineCollector } from '../../src/index.js';

/** A minimal exporter spec carrying the given flags, for the flag-kind tests. */
export function demoSpec(flags: FlagSpec[]): ExporterSpec<void> {
  return {
    name: 'demo', description: 'Demo.', version: '1', defaultListenAddress: ':1', envPrefix: 'DEMO', buildInfoMetric: 'demo_build_info',
    collectorMetrics: { duration: 'demo_d', success: 'demo_s' },
    collectors: [defineCollector({ name: 'cpu', help: 'CPU.', defaultEnabled: true, async collect() {} })],
    flags,
  };
}
