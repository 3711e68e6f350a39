import { describe, expect, it } from 'vitest';
import { cloudWatchExporterBaseName, cloudWatchExporterDimensionLabel, cloudWatchExporterMetricName, cloudWatchExporterTagLabel, yaceMetricName } from '../src/naming.js';

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
