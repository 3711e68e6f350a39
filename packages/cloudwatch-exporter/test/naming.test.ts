import { describe, expect, it } from 'vitest';
import { cloudWatchExporterBaseName, cloudWatchExporterDimensionLabel, cloudWatchExporterMetricName, cloudWatchExporterTagLabel } from '../src/naming.js';

const name = (namespace: string, metricName: string, statistic: string, dimensions?: string[]): string =>
  cloudWatchExporterMetricName(cloudWatchExporterBaseName({ namespace, metricName, dimensions }), statistic);

describe("cloudwatch_exporter's names (examples from its CloudWatchCollectorTest)", () => {
  it.each([
    ['AWS/ELB', 'RequestCount', 'Average', 'aws_elb_request_count_average'],
    ['AWS/ELB', 'HTTPCode_Backend_2XX', 'Average', 'aws_elb_httpcode_backend_2_xx_average'],
    ['AWS/EC2', 'CPUUtilization', 'Average', 'aws_ec2_cpuutilization_average'],
    ['AWS/ELB', 'Latency', 'p95', 'aws_elb_latency_p95'],
    ['AWS/ELB', 'Latency', 'p99.99', 'aws_elb_latency_p99_99'],
    ['AWS/ApplicationELB', 'UnHealthyHostCount', 'Average', 'aws_applicationelb_un_healthy_host_count_average'],
    ['AWS/WAFV2', 'CountedRequests', 'Sum', 'aws_wafv2_counted_requests_sum'],
    ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'SampleCount', 'aws_sqs_approximate_number_of_messages_visible_sample_count'],
  ])('%s %s %s → %s', (ns, metric, stat, expected) => {
    expect(name(ns, metric, stat)).toBe(expected);
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
