import { createLogger } from '@scrapekit/exporter-kit';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { ScopeApi } from '../src/aws/api.js';
import { DEFAULT_BACKOFF, realClock } from '../src/aws/backoff.js';
import { createScopeClients } from '../src/aws/clients.js';
import { parseConfigText } from '../src/config/load.js';
import { DimensionDiscovery } from '../src/discovery.js';
import { ApiUsage } from '../src/usage.js';
import { useFakeAws } from './support/harness.js';

const silent = createLogger({ write: () => {} });

describe('DimensionDiscovery cache', () => {
  const aws = useFakeAws({
    metrics: [{ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'InstanceId', Value: 'i-1' }], points: [] }],
  });

  it('reuses ListMetrics for list_metrics_cache_ttl seconds on its clock, then asks again', async () => {
    const [rule] = parseConfigText(`
list_metrics_cache_ttl: 300
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average]
`, 'c.yml', 'cloudwatch_exporter').rules;
    const clients = await createScopeClients(rule!.scope);
    const api = new ScopeApi(clients, { limit: pLimit(2), backoff: DEFAULT_BACKOFF, clock: realClock, usage: new ApiUsage(), logger: silent });
    let now = 1_000_000;
    const discovery = new DimensionDiscovery(() => now);
    const signal = new AbortController().signal;
    try {
      const first = await discovery.discover(rule!, api, signal, silent);
      expect(first.dimensionSets).toEqual([[{ name: 'InstanceId', value: 'i-1' }]]);
      now += 299_999;
      await discovery.discover(rule!, api, signal, silent);
      expect(aws.fake.count('ListMetrics')).toBe(1);
      now += 1;
      await discovery.discover(rule!, api, signal, silent);
      expect(aws.fake.count('ListMetrics')).toBe(2);
      // A failure is never cached: the next discovery asks again.
      aws.fake.inject('ListMetrics', { kind: 'access-denied' });
      now += 300_000;
      await expect(discovery.discover(rule!, api, signal, silent)).rejects.toThrow(/not authorized/);
      await discovery.discover(rule!, api, signal, silent);
      expect(aws.fake.count('ListMetrics')).toBe(4);
    } finally {
      clients.destroy();
    }
  });
});
