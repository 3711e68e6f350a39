import { describe, expect, it } from 'vitest';
import {
  cloudWatchExporterBaseName, cloudWatchExporterDimensionLabel, cloudWatchExporterHelp, cloudWatchExporterLabels, cloudWatchExporterMetricName,
  cloudWatchExporterTagLabel, yaceMetricName, yaceSanitize,
} from '../src/naming.js';
import { checkExtendedStatistic, checkStandardStatistic } from '../src/config/statistics.js';

const name = (namespace: string, metricName: string, statistic: string, dimensions?: string[]): string =>
  cloudWatchExporterMetricName(cloudWatchExporterBaseName({ namespace, metricName, dimensions }), statistic);

describe("cloudwatch_exporter's names (examples from its CloudWatchCollectorTest) and YACE's", () => {
  const namers = { cloudwatch_exporter: name, yace: yaceMetricName } as const;

  // YACE's BuildMetricName (examples from its migrate_test.go and README): no __ collapsing, `info` without a statistic.
  it.each([
    ['cloudwatch_exporter', 'AWS/ELB', 'RequestCount', 'Average', 'aws_elb_request_count_average'],
    ['cloudwatch_exporter', 'AWS/ELB', 'HTTPCode_Backend_2XX', 'Average', 'aws_elb_httpcode_backend_2_xx_average'],
    ['cloudwatch_exporter', 'AWS/EC2', 'CPUUtilization', 'Average', 'aws_ec2_cpuutilization_average'],
    ['cloudwatch_exporter', 'AWS/ELB', 'Latency', 'p95', 'aws_elb_latency_p95'],
    ['cloudwatch_exporter', 'AWS/ELB', 'Latency', 'p99.99', 'aws_elb_latency_p99_99'],
    ['cloudwatch_exporter', 'AWS/ApplicationELB', 'UnHealthyHostCount', 'Average', 'aws_applicationelb_un_healthy_host_count_average'],
    ['cloudwatch_exporter', 'AWS/WAFV2', 'CountedRequests', 'Sum', 'aws_wafv2_counted_requests_sum'],
    ['cloudwatch_exporter', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'SampleCount', 'aws_sqs_approximate_number_of_messages_visible_sample_count'],
    ['yace', 'AWS/ElastiCache', 'CPUUtilization', 'Average', 'aws_elasticache_cpuutilization_average'],
    ['yace', '/aws/sagemaker/TrainingJobs', 'CPUUtilization', 'Average', 'aws_sagemaker_trainingjobs_cpuutilization_average'],
    ['yace', 'Glue', 'glue.driver.aggregate.bytesRead', 'Average', 'aws_glue_driver_aggregate_bytes_read_average'],
    ['yace', 'AWS/ELB', 'HTTPCode_Backend_4XX', 'Sum', 'aws_elb_httpcode_backend_4_xx_sum'],
    ['yace', 'AWS/ES', 'FreeStorageSpace', 'Sum', 'aws_es_free_storage_space_sum'],
    ['yace', 'AWS/EC2', 'info', '', 'aws_ec2_info'],
  ] as const)('%s: %s %s %s → %s', (flavor, ns, metric, stat, expected) => {
    expect(namers[flavor](ns, metric, stat)).toBe(expected);
  });

  it('renames the DynamoDB index metrics', () => {
    expect(name('AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'Sum', ['TableName', 'GlobalSecondaryIndexName'])).toBe('aws_dynamodb_consumed_read_capacity_units_index_sum');
    expect(name('AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'Sum', ['TableName'])).toBe('aws_dynamodb_consumed_read_capacity_units_sum');
  });

  it('snake_cases dimension labels but keeps tag keys as they are', () => {
    expect(cloudWatchExporterDimensionLabel('LoadBalancerName')).toBe('load_balancer_name');
    expect(cloudWatchExporterDimensionLabel('AvailabilityZone')).toBe('availability_zone');
    expect(cloudWatchExporterDimensionLabel('WebACL')).toBe('web_acl');
    expect(cloudWatchExporterTagLabel('MyOtherKey')).toBe('tag_MyOtherKey');
    expect(cloudWatchExporterTagLabel('aws:cloudformation:stack-name')).toBe('tag_aws_cloudformation_stack_name');
  });
});

describe('the rest of the naming rules', () => {
  it('gives each standard statistic its suffix', () => {
    expect(['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'].map((stat) => name('AWS/EC2', 'CPUUtilization', stat))).toEqual([
      'aws_ec2_cpuutilization_sum', 'aws_ec2_cpuutilization_sample_count', 'aws_ec2_cpuutilization_minimum',
      'aws_ec2_cpuutilization_maximum', 'aws_ec2_cpuutilization_average',
    ]);
  });

  it('renames exactly the six DynamoDB capacity and throttle metrics, only in AWS/DynamoDB and only with the index dimension', () => {
    const indexed = ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'ProvisionedReadCapacityUnits',
      'ProvisionedWriteCapacityUnits', 'ReadThrottleEvents', 'WriteThrottleEvents'];
    expect(indexed.map((m) => cloudWatchExporterBaseName({ namespace: 'AWS/DynamoDB', metricName: m, dimensions: ['TableName', 'GlobalSecondaryIndexName'] }))).toEqual([
      'aws_dynamodb_consumed_read_capacity_units_index', 'aws_dynamodb_consumed_write_capacity_units_index',
      'aws_dynamodb_provisioned_read_capacity_units_index', 'aws_dynamodb_provisioned_write_capacity_units_index',
      'aws_dynamodb_read_throttle_events_index', 'aws_dynamodb_write_throttle_events_index',
    ]);
    expect(cloudWatchExporterBaseName({ namespace: 'AWS/DynamoDB', metricName: 'ReturnedItemCount', dimensions: ['TableName', 'GlobalSecondaryIndexName'] })).toBe('aws_dynamodb_returned_item_count');
    expect(cloudWatchExporterBaseName({ namespace: 'Custom/DynamoDB', metricName: 'ReadThrottleEvents', dimensions: ['GlobalSecondaryIndexName'] })).toBe('custom_dynamodb_read_throttle_events');
    expect(cloudWatchExporterBaseName({ namespace: 'AWS/DynamoDB', metricName: 'ReadThrottleEvents', dimensions: undefined })).toBe('aws_dynamodb_read_throttle_events');
  });

  it('turns every run of characters Prometheus does not allow into one underscore', () => {
    expect(cloudWatchExporterBaseName({ namespace: 'My App', metricName: 'Req--Count', dimensions: undefined })).toBe('my_app_req_count');
    expect(cloudWatchExporterDimensionLabel('Queue--Name')).toBe('queue_name');
    expect(cloudWatchExporterTagLabel('team//owner')).toBe('tag_team_owner');
  });

  it('labels a sample with job, an empty instance and the snake_cased dimensions, in that order', () => {
    const labels = cloudWatchExporterLabels('AWS/ELB', [{ name: 'LoadBalancerName', value: 'lb-1' }, { name: 'AvailabilityZone', value: 'eu-west-1a' }]);
    expect(Object.entries(labels)).toEqual([['job', 'aws_elb'], ['instance', ''], ['load_balancer_name', 'lb-1'], ['availability_zone', 'eu-west-1a']]);
  });

  it('writes HELP as cloudwatch_exporter does, unless the rule brings its own', () => {
    expect(cloudWatchExporterHelp({ namespace: 'AWS/ELB', metricName: 'Latency', dimensions: ['LoadBalancerName', 'AvailabilityZone'] }, 'Average'))
      .toBe('CloudWatch metric AWS/ELB Latency Dimensions: [LoadBalancerName, AvailabilityZone] Statistic: Average Unit: N/A');
    expect(cloudWatchExporterHelp({ namespace: 'AWS/ELB', metricName: 'Latency', dimensions: undefined }, 'p99'))
      .toBe('CloudWatch metric AWS/ELB Latency Dimensions: null Statistic: p99 Unit: N/A');
    expect(cloudWatchExporterHelp({ namespace: 'AWS/ELB', metricName: 'Latency', dimensions: undefined, help: 'Load balancer latency' }, 'p99')).toBe('Load balancer latency');
  });

  it('YACE: %% becomes _percent, the namespace is lower-cased before it is split, labels keep their case', () => {
    expect(yaceMetricName('AWS/EC2', 'Errors%', 'Average')).toBe('aws_ec2_errors_percent_average');
    expect(yaceMetricName('Custom1App', 'Requests', 'Sum')).toBe('aws_custom1app_requests_sum');
    expect(yaceSanitize('aws:cloudformation:stack-name')).toBe('aws_cloudformation_stack_name');
    expect(yaceSanitize('Usage%')).toBe('Usage_percent');
    expect(yaceSanitize('InstanceId')).toBe('InstanceId');
  });
});

describe('statistics in a config', () => {
  it.each([
    ['Avg', 'Average'], ['mean', 'Average'], ['max', 'Maximum'], ['MIN', 'Minimum'], ['count', 'SampleCount'], ['samples', 'SampleCount'], ['total', 'Sum'],
  ])('%s is refused with a hint: use %s', (given, hint) => {
    expect(() => checkStandardStatistic(given, 'metrics[0].aws_statistics[0]')).toThrow(`metrics[0].aws_statistics[0]: "${given}" is not a statistic; use ${hint}`);
  });

  it('accepts the five standard statistics and sends extended ones to aws_extended_statistics', () => {
    expect(['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'].map((s) => checkStandardStatistic(s, 'p'))).toEqual(['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average']);
    expect(() => checkStandardStatistic('p99', 'p')).toThrow('p: "p99" is an extended statistic; list it under aws_extended_statistics');
  });

  it('takes percentiles and trimmed/winsorized statistics, whole: nothing before, nothing after', () => {
    const ok = ['p99', 'p99.9', 'p99.99', 'p100', 'p0', 'tm90', 'wm99', 'tc90', 'ts90.5'];
    expect(ok.map((s) => checkExtendedStatistic(s, 'p'))).toEqual(ok);
    for (const bad of ['xp99', 'p99x', 'p101', 'p99.', 'p99.x', 'P99']) {
      expect(() => checkExtendedStatistic(bad, 'p'), bad).toThrow(`p: "${bad}" is not an extended statistic; use a percentile such as p99 or p99.9`);
    }
    expect(() => checkExtendedStatistic('Average', 'p')).toThrow('p: "Average" is a standard statistic; list it under aws_statistics');
  });
});
