import { ConfigError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/load.js';

const parse = (yaml: string) => parseConfigText(yaml, 'config.yml', 'cloudwatch_exporter');
const problem = (yaml: string): string => {
  try {
    parse(yaml);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('cloudwatch_exporter config', () => {
  it("applies cloudwatch_exporter's defaults and per-rule overrides", () => {
    const { rules } = parse(`
region: eu-west-1
role_arn: arn:aws:iam::123456789012:role/cw
delay_seconds: 300
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
  - aws_namespace: AWS/S3
    aws_metric_name: BucketSizeBytes
    aws_dimensions: [BucketName, StorageType]
    aws_extended_statistics: [p90]
    period_seconds: 86400
    range_seconds: 172800
    set_timestamp: false
    list_metrics_cache_ttl: 3600
    warn_on_empty_list_dimensions: true
    use_get_metric_data: true
`);
    const [elb, s3] = rules;
    expect(elb).toMatchObject({
      index: 0, scope: { region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/cw' },
      dimensions: undefined, statistics: ['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'],
      periodSeconds: 60, rangeSeconds: 600, delaySeconds: 300, setTimestamp: true, listMetricsCacheTtlSeconds: 0,
      warnOnEmptyListDimensions: false, recentlyActiveOnly: true, tagSelect: undefined,
    });
    expect(s3).toMatchObject({
      index: 1, statistics: ['p90'], periodSeconds: 86400, rangeSeconds: 172800, delaySeconds: 300, setTimestamp: false,
      listMetricsCacheTtlSeconds: 3600, warnOnEmptyListDimensions: true, recentlyActiveOnly: false,
    });
  });

  it('reads aws_tag_select with the default ARN regexp', () => {
    const { rules } = parse(`
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: HealthyHostCount
    aws_dimensions: [LoadBalancerName]
    aws_tag_select:
      tag_selections:
        Monitoring: ["enabled"]
      resource_type_selection: "elasticloadbalancing:loadbalancer"
      resource_id_dimension: LoadBalancerName
`);
    const tag = rules[0]?.tagSelect;
    expect(tag?.resourceTypeSelection).toBe('elasticloadbalancing:loadbalancer');
    expect([...(tag?.tagSelections ?? [])]).toEqual([['Monitoring', ['enabled']]]);
    expect(tag?.arnResourceIdRegexp.exec('arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/my-lb')?.slice(1)).toEqual([undefined, 'my-lb']);
  });

  it.each([
    ['an unknown top-level key', 'regoin: eu-west-1\nmetrics: []', 'config.yml: regoin: unknown key; did you mean region?'],
    ['an unknown rule key', 'metrics:\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n    aws_dimension: [A]', 'config.yml: metrics[0].aws_dimension: unknown key; did you mean aws_dimensions?'],
    ['a bad statistic', 'metrics:\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n    aws_statistics: [Sum, Avg]',
      'config.yml: metrics[3].aws_statistics[1]: "Avg" is not a statistic; use Average'],
    ['a percentile under aws_statistics', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    aws_statistics: [p99]', 'config.yml: metrics[0].aws_statistics[0]: "p99" is an extended statistic; list it under aws_extended_statistics'],
    ['a bad extended statistic', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    aws_extended_statistics: [q99]', 'config.yml: metrics[0].aws_extended_statistics[0]: "q99" is not an extended statistic; use a percentile such as p99 or p99.9'],
    ['a bad regex', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    aws_dimensions: [D]\n    aws_dimension_select_regex:\n      D: ["ok", "(unclosed"]',
      'config.yml: metrics[0].aws_dimension_select_regex.D[1]: "(unclosed" is not a valid regular expression'],
    ['a missing namespace', 'metrics:\n  - aws_metric_name: X', 'config.yml: metrics[0].aws_namespace: is required'],
    ['no metrics', 'region: eu-west-1', 'config.yml: metrics: is required'],
    ['both selects', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    aws_dimension_select: {D: [a]}\n    aws_dimension_select_regex: {D: [a]}', 'config.yml: metrics[0]: aws_dimension_select and aws_dimension_select_regex cannot be used together'],
    ['a period over a day', 'period_seconds: 90000\nmetrics: []', 'config.yml: period_seconds: must be between 1 and 86400, got 90000'],
    ['a string where a number goes', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    delay_seconds: 10m', 'config.yml: metrics[0].delay_seconds: must be a whole number, got string "10m"'],
    ['tag select without its id dimension', 'metrics:\n  - aws_namespace: A\n    aws_metric_name: X\n    aws_tag_select:\n      resource_type_selection: ec2:instance', 'config.yml: metrics[0].aws_tag_select.resource_id_dimension: is required'],
    ['invalid YAML', 'metrics: [\n', 'config.yml:'],
  ])('rejects %s with the path and the fix', (_what, yaml, expected) => {
    expect(problem(yaml)).toContain(expected);
  });
});
