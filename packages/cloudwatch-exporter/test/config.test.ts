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

  it('takes an unbounded setting from its lower bound up to the largest exact number', () => {
    const { rules } = parse(rule('delay_seconds: 0', 'range_seconds: 9007199254740991'));
    expect(rules[0]).toMatchObject({ delaySeconds: 0, rangeSeconds: 9007199254740991 });
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

/** One rule with the given extra lines (indented as rule keys) after its namespace and metric name. */
const rule = (...lines: string[]) => ['metrics:', '  - aws_namespace: AWS/EC2', '    aws_metric_name: CPUUtilization', ...lines.map((l) => `    ${l}`)].join('\n');

describe('cloudwatch_exporter config: each wrong value is one start-up line naming its path and what is wanted', () => {
  it.each([
    ['a document that is a list', '- region: eu-west-1', 'config.yml: must be a map, got a list'],
    ['a metrics entry that is null', 'metrics:\n  -\n', 'config.yml: metrics[0]: must be a map, got null'],
    ['a metrics entry that is a string', 'metrics: [AWS/EC2]', 'config.yml: metrics[0]: must be a map, got string "AWS/EC2"'],
    ['a metrics entry that is a list', 'metrics:\n  - [AWS/EC2, CPUUtilization]', 'config.yml: metrics[0]: must be a map, got a list'],
    ['aws_tag_select that is a string', rule('aws_tag_select: ec2:instance'), 'config.yml: metrics[0].aws_tag_select: must be a map, got string "ec2:instance"'],
    ['aws_dimension_select that is a list', rule('aws_dimension_select: [InstanceId]'), 'config.yml: metrics[0].aws_dimension_select: must be a map, got a list'],
    ['metrics that is a map', 'metrics:\n  aws_namespace: AWS/EC2', 'config.yml: metrics: must be a list, got a map'],
    ['metrics left empty', 'region: eu-west-1\nmetrics:', 'config.yml: metrics: is required: list the CloudWatch metrics to export'],
    ['aws_dimensions that is a string', rule('aws_dimensions: InstanceId'), 'config.yml: metrics[0].aws_dimensions: must be a list, got string "InstanceId"'],
    ['a region that is a number', 'region: 5\nmetrics: []', 'config.yml: region: must be a non-empty string, got number 5'],
    ['an empty region', "region: ''\nmetrics: []", 'config.yml: region: must be a non-empty string, got string ""'],
    ['a region that is a list', 'region: [eu-west-1, us-east-1]\nmetrics: []', 'config.yml: region: must be a non-empty string, got a list'],
    ['a role_arn that is a map', 'role_arn: {arn: "arn:aws:iam::1:role/a"}\nmetrics: []', 'config.yml: role_arn: must be a non-empty string, got a map'],
    ['an aws_namespace that is a number', 'metrics:\n  - aws_namespace: 2\n    aws_metric_name: X', 'config.yml: metrics[0].aws_namespace: must be a non-empty string, got number 2'],
    ['set_timestamp: yes (a string in YAML 1.2)', 'set_timestamp: yes\nmetrics: []', 'config.yml: set_timestamp: must be true or false, got string "yes"'],
    ['a fractional period', 'period_seconds: 1.5\nmetrics: []', 'config.yml: period_seconds: must be a whole number, got number 1.5'],
    ['a zero period', 'period_seconds: 0\nmetrics: []', 'config.yml: period_seconds: must be between 1 and 86400, got 0'],
    // Settings with no upper bound name only the lower one (not "between 0 and 9007199254740991").
    ['a negative delay', 'delay_seconds: -1\nmetrics: []', 'config.yml: delay_seconds: must be at least 0, got -1'],
    ['a zero range', rule('range_seconds: 0'), 'config.yml: metrics[0].range_seconds: must be at least 1, got 0'],
    ['a negative list_metrics cache TTL', 'list_metrics_cache_ttl: -5\nmetrics: []', 'config.yml: list_metrics_cache_ttl: must be at least 0, got -5'],
    ['a delay past the largest exact number', rule('delay_seconds: 9007199254740992'), 'config.yml: metrics[0].delay_seconds: must be at most 9007199254740991, got 9007199254740992'],
    ['a dimension name that is a map', rule('aws_dimensions: [{name: InstanceId}]'), 'config.yml: metrics[0].aws_dimensions[0]: must be a string, got a map'],
    ['a dimension name that is null', rule('aws_dimensions: [InstanceId, ~]'), 'config.yml: metrics[0].aws_dimensions[1]: must be a string, got null'],
    ['a statistic that is a boolean', rule('aws_statistics: [true]'), 'config.yml: metrics[0].aws_statistics[0]: must be a string, got boolean true'],
    ['dimension values that are a string', rule('aws_dimension_select:', '  InstanceId: i-0123'), 'config.yml: metrics[0].aws_dimension_select.InstanceId: must be a list of values, got string "i-0123"'],
    ['dimension values that are null', rule('aws_dimension_select_regex:', '  InstanceId:'), 'config.yml: metrics[0].aws_dimension_select_regex.InstanceId: must be a list of values, got null'],
  ])('%s', (_what, yaml, expected) => {
    expect(problem(yaml)).toBe(expected);
  });

  it.each([
    ['a key four edits from the nearest: the allowed keys', 'regionabcd: eu-west-1\nmetrics: []',
      'config.yml: regionabcd: unknown key; allowed keys: region, role_arn, metrics, period_seconds, range_seconds, delay_seconds, set_timestamp, use_get_metric_data, list_metrics_cache_ttl, warn_on_empty_list_dimensions'],
    ['a key three edits away: the suggestion', 'regionabc: eu-west-1\nmetrics: []', 'config.yml: regionabc: unknown key; did you mean region?'],
    ['a top-level key differing only in case', 'Region: eu-west-1\nmetrics: []', 'config.yml: Region: unknown key; did you mean region?'],
    ['a rule key differing only in case', rule('AWS_Namespace: AWS/EC2'), 'config.yml: metrics[0].AWS_Namespace: unknown key; did you mean aws_namespace?'],
    ['a tag select key with no close one', rule('aws_tag_select:', '  resource_id_selection: x'),
      'config.yml: metrics[0].aws_tag_select.resource_id_selection: unknown key; allowed keys: resource_type_selection, resource_id_dimension, tag_selections, arn_resource_id_regexp'],
    // Mimum is two edits from both Minimum and Maximum: the first of STANDARD_STATISTICS wins.
    ['a statistic as close to two: the first of them', rule('aws_statistics: [Mimum]'), 'config.yml: metrics[0].aws_statistics[0]: "Mimum" is not a statistic; use Minimum'],
  ])('unknown key or statistic: %s', (_what, yaml, expected) => {
    expect(problem(yaml)).toBe(expected);
  });

  it('takes a key left empty (null) as absent, with its default', () => {
    const [only] = parse(`
region:
role_arn: ~
period_seconds:
set_timestamp:
use_get_metric_data:
${rule('aws_dimensions:', 'aws_dimension_select:', 'aws_statistics:', 'help:', 'delay_seconds: ~', 'warn_on_empty_list_dimensions:')}
`).rules;
    expect(only).toMatchObject({
      scope: { region: undefined, roleArn: undefined }, dimensions: undefined, dimensionSelect: undefined, help: undefined,
      statistics: ['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'], periodSeconds: 60, delaySeconds: 600, setTimestamp: true, warnOnEmptyListDimensions: false,
    });
  });

  it('reads numbers in lists of strings as their text', () => {
    const [only] = parse(rule('aws_dimensions: [Port]', 'aws_dimension_select: {Port: [80, 443]}')).rules;
    expect([...(only?.dimensionSelect ?? [])]).toEqual([['Port', ['80', '443']]]);
  });

  it('matches aws_dimension_select_regex against the whole value, and arn_resource_id_regexp anywhere in the ARN, as cloudwatch_exporter (matches() and find())', () => {
    const [only] = parse(rule(
      'aws_dimensions: [LoadBalancer]',
      'aws_dimension_select_regex: {LoadBalancer: ["app/web-.*"]}',
      'aws_tag_select:', '  resource_type_selection: elasticloadbalancing:loadbalancer', '  resource_id_dimension: LoadBalancer',
      '  arn_resource_id_regexp: "loadbalancer/(app/[^/]+)"',
    )).rules;
    const [select] = only?.dimensionSelectRegex?.get('LoadBalancer') ?? [];
    expect(['app/web-1', 'app/web-', 'net/app/web-1', 'xapp/web-1'].map((v) => select?.test(v))).toEqual([true, true, false, false]);
    expect(only?.tagSelect?.arnResourceIdRegexp.exec('arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/my-lb/50dc6c495c0c9188')?.[1]).toBe('app/my-lb');
  });
});
