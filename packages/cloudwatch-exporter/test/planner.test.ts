import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/load.js';
import { planGetMetricDataBatches, queryWindow, toMetricDataQuery } from '../src/planner.js';
import type { Dimension } from '../src/rules.js';

const rules = parseConfigText(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average, Maximum]
  - aws_namespace: AWS/EC2
    aws_metric_name: NetworkIn
    aws_dimensions: [InstanceId]
    aws_statistics: [Sum]
    period_seconds: 300
  - aws_namespace: AWS/EC2
    aws_metric_name: NetworkOut
    aws_dimensions: [InstanceId]
    aws_statistics: [Sum]
    delay_seconds: 120
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_statistics: [Sum]
`, 'c.yml', 'cloudwatch_exporter').rules;

const instances = (n: number): Dimension[][] => Array.from({ length: n }, (_, i) => [{ name: 'InstanceId', value: `i-${i}` }]);
const NOW = 1_700_000_000_500;

describe('planGetMetricDataBatches', () => {
  it('fills calls up to 500 queries across rules that share namespace and window', () => {
    const [cpu, netIn] = rules;
    const batches = planGetMetricDataBatches([
      { rule: cpu!, dimensionSets: instances(300) },
      { rule: netIn!, dimensionSets: instances(300) },
    ], NOW);
    // 300 × 2 + 300 × 1 = 900 queries → 500 + 400.
    expect(batches.map((b) => b.queries.length)).toEqual([500, 400]);
    expect(batches.every((b) => b.namespace === 'AWS/EC2')).toBe(true);
    expect(new Set(batches[0]!.queries.map((q) => q.id)).size).toBe(500);
    expect(batches[0]!.queries.every((q) => /^[a-z][a-zA-Z0-9_]*$/.test(q.id))).toBe(true);
    // Statistic-major order, as cloudwatch_exporter.
    expect(batches[0]!.queries.slice(299, 301).map((q) => q.statistic)).toEqual(['Average', 'Maximum']);
  });

  it('splits by window and namespace, never mixing them in one call', () => {
    const [cpu, , netOut, elb] = rules;
    const batches = planGetMetricDataBatches([
      { rule: cpu!, dimensionSets: instances(2) },
      { rule: netOut!, dimensionSets: instances(2) },
      { rule: elb!, dimensionSets: [[]] },
    ], NOW);
    expect(batches.map((b) => [b.namespace, b.endTime.getTime(), b.queries.length])).toEqual([
      ['AWS/EC2', 1_700_000_000_000 - 600_000, 4],
      ['AWS/EC2', 1_700_000_000_000 - 120_000, 2],
      ['AWS/ELB', 1_700_000_000_000 - 600_000, 1],
    ]);
  });

  it('5,000 metrics × 2 statistics → 20 calls', () => {
    expect(planGetMetricDataBatches([{ rule: rules[0]!, dimensionSets: instances(5000) }], NOW)).toHaveLength(20);
  });

  it('skips rules without dimension sets and builds the SDK query', () => {
    expect(planGetMetricDataBatches([{ rule: rules[0]!, dimensionSets: [] }], NOW)).toEqual([]);
    const [batch] = planGetMetricDataBatches([{ rule: rules[1]!, dimensionSets: instances(1) }], NOW);
    expect(toMetricDataQuery(batch!.queries[0]!)).toEqual({
      Id: 'q0', ReturnData: true,
      MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'NetworkIn', Dimensions: [{ Name: 'InstanceId', Value: 'i-0' }] }, Period: 300, Stat: 'Sum' },
    });
  });

  it("uses cloudwatch_exporter's window", () => {
    const w = queryWindow({ delaySeconds: 600, rangeSeconds: 600 }, NOW);
    expect([w.startTime.getTime(), w.endTime.getTime()]).toEqual([1_700_000_000_000 - 1_200_000, 1_700_000_000_000 - 600_000]);
  });
});
