import { describe, expect, it } from 'vitest';
import {
  helpOf, samplesNamed, valueOf, writeConfig, useFakeAws,
} from './support/harness.js';

const minute = Math.floor(Date.now() / 60_000) * 60;
const NEWEST = minute - 660;
const OLDER = minute - 840;

const elb = (name: string, newest: number, older: number) => ({
  namespace: 'AWS/ELB',
  metricName: 'RequestCount',
  dimensions: [{ Name: 'LoadBalancerName', Value: name }],
  points: [{ t: NEWEST, value: { Sum: newest, Average: newest / 10 } }, { t: OLDER, value: { Sum: older, Average: older / 10 } }],
});

describe('cloudwatch_exporter config against the fake CloudWatch', () => {
  const aws = useFakeAws({
    metrics: [
      elb('lb-a', 120, 100),
      elb('lb-b', 7, 5),
      // More dimensions than asked for: ListMetrics returns it, cloudwatch_exporter drops it.
      { namespace: 'AWS/ELB', metricName: 'RequestCount', dimensions: [{ Name: 'LoadBalancerName', Value: 'lb-a' }, { Name: 'AvailabilityZone', Value: 'eu-west-1a' }], points: [{ t: NEWEST, value: 1 }] },
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'InstanceId', Value: 'i-1' }], points: [{ t: NEWEST, value: { p99: 93.5, 'p99.9': 99.1 } }] },
    ],
  });

  it('names, labels, values and timestamps as cloudwatch_exporter, in one ListMetrics and one GetMetricData call', async () => {
    const exporter = await aws.start(writeConfig(`
region: eu-west-1
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_dimensions: [LoadBalancerName]
    aws_statistics: [Sum, Average]
`));
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_elb_request_count_sum')).toEqual([
      { name: 'aws_elb_request_count_sum', labels: { job: 'aws_elb', instance: '', load_balancer_name: 'lb-a' }, value: 120, timestampMs: NEWEST * 1000 },
      { name: 'aws_elb_request_count_sum', labels: { job: 'aws_elb', instance: '', load_balancer_name: 'lb-b' }, value: 7, timestampMs: NEWEST * 1000 },
    ]);
    expect(valueOf(text, 'aws_elb_request_count_average', { load_balancer_name: 'lb-a' })).toBe(12);
    expect(helpOf(text, 'aws_elb_request_count_sum')).toBe('CloudWatch metric AWS/ELB RequestCount Dimensions: [LoadBalancerName] Statistic: Sum Unit: N/A');
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(0);
    expect(valueOf(text, 'cloudwatch_requests_total', { action: 'listMetrics', namespace: 'AWS/ELB' })).toBe(1);
    expect(valueOf(text, 'cloudwatch_requests_total', { action: 'getMetricData', namespace: 'AWS/ELB' })).toBe(1);
    expect(valueOf(text, 'cloudwatch_metrics_requested_total', { metric_name: 'RequestCount', namespace: 'AWS/ELB' })).toBe(4);
    expect(aws.fake.count('ListMetrics')).toBe(1);
    expect(aws.fake.count('GetMetricData')).toBe(1);
    const listed = aws.fake.calls.find((c) => c.operation === 'ListMetrics');
    expect(listed?.input).toMatchObject({ Namespace: 'AWS/ELB', MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancerName' }], RecentlyActive: 'PT3H' });
    expect(listed?.region).toBe('eu-west-1');
    const gmd = aws.fake.calls.find((c) => c.operation === 'GetMetricData');
    // The SDK sends epoch seconds; cloudwatch_exporter's window: [now - delay - range, now - delay).
    expect(typeof gmd?.input['StartTime']).toBe('number');
    expect((gmd?.input['EndTime'] as number) - (gmd?.input['StartTime'] as number)).toBe(600);
  });

  it('OpenMetrics carries the timestamp in seconds', async () => {
    const exporter = await aws.start(writeConfig(`
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_dimensions: [LoadBalancerName]
    aws_dimension_select: {LoadBalancerName: [lb-a]}
    aws_statistics: [Sum]
`));
    const res = await fetch(`${exporter.url}/metrics`, { headers: { Accept: 'application/openmetrics-text;version=1.0.0' } });
    const text = await res.text();
    expect(text).toContain(`aws_elb_request_count_sum{job="aws_elb",instance="",load_balancer_name="lb-a"} 120 ${NEWEST}\n`);
  });

  it('needs no ListMetrics when aws_dimension_select names every dimension; set_timestamp false drops the timestamp', async () => {
    const exporter = await aws.start(writeConfig(`
set_timestamp: false
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_dimensions: [LoadBalancerName]
    aws_dimension_select:
      LoadBalancerName: [lb-b]
    aws_statistics: [Sum]
`));
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_elb_request_count_sum')).toEqual([
      { name: 'aws_elb_request_count_sum', labels: { job: 'aws_elb', instance: '', load_balancer_name: 'lb-b' }, value: 7, timestampMs: undefined },
    ]);
    expect(aws.fake.count('ListMetrics')).toBe(0);
    expect(aws.fake.count('GetMetricData')).toBe(1);
  });

  it('extended statistics and regex selection', async () => {
    const exporter = await aws.start(writeConfig(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_extended_statistics: [p99, p99.9]
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_dimensions: [LoadBalancerName]
    aws_dimension_select_regex:
      LoadBalancerName: ['lb-[a]']
    aws_statistics: [Sum]
`));
    const text = await exporter.scrape();
    expect(valueOf(text, 'aws_ec2_cpuutilization_p99', { instance_id: 'i-1' })).toBe(93.5);
    expect(valueOf(text, 'aws_ec2_cpuutilization_p99_9', { instance_id: 'i-1' })).toBe(99.1);
    expect(samplesNamed(text, 'aws_elb_request_count_sum').map((s) => s.labels['load_balancer_name'])).toEqual(['lb-a']);
    // Two namespaces: one GetMetricData call each.
    expect(aws.fake.count('GetMetricData')).toBe(2);
  });
});
