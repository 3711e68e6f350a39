import { describe, expect, it } from 'vitest';
import {
  applyEnvironment, TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY,
  valueOf, writeConfig, useFakeAws,
} from './support/harness.js';

const NEWEST = Math.floor(Date.now() / 60_000) * 60 - 660;

const CONFIG = writeConfig(`
region: eu-west-1
metrics:
  - aws_namespace: AWS/ELB
    aws_metric_name: RequestCount
    aws_dimensions: [LoadBalancerName]
    aws_dimension_select:
      LoadBalancerName: [lb-a]
    aws_statistics: [Sum]
  - aws_namespace: AWS/SQS
    aws_metric_name: NumberOfMessagesSent
    aws_dimensions: [QueueName]
    aws_statistics: [Sum]
`);

const onlyNamespace = (ns: string) => (input: Readonly<Record<string, unknown>>): boolean =>
  JSON.stringify(input['MetricDataQueries'] ?? input).includes(`"Namespace":"${ns}"`);

describe('AWS failures', () => {
  const aws = useFakeAws({
    metrics: [
      { namespace: 'AWS/ELB', metricName: 'RequestCount', dimensions: [{ Name: 'LoadBalancerName', Value: 'lb-a' }], points: [{ t: NEWEST, value: 42 }] },
      { namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', dimensions: [{ Name: 'QueueName', Value: 'jobs' }], points: [{ t: NEWEST, value: 9 }] },
    ],
  });

  it('retries throttled calls with backoff and serves the result (exact call counts)', async () => {
    aws.fake.inject('GetMetricData', { kind: 'throttle', when: onlyNamespace('AWS/ELB') }, { kind: 'throttle', when: onlyNamespace('AWS/ELB') });
    aws.fake.inject('ListMetrics', { kind: 'server-error' });
    const exporter = await aws.start(CONFIG);
    const text = await exporter.scrape();
    expect(valueOf(text, 'aws_elb_request_count_sum', { load_balancer_name: 'lb-a' })).toBe(42);
    expect(valueOf(text, 'aws_sqs_number_of_messages_sent_sum', { queue_name: 'jobs' })).toBe(9);
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(0);
    expect(aws.fake.count('GetMetricData', 400)).toBe(2);
    expect(aws.fake.count('GetMetricData', 200)).toBe(2);
    expect(aws.fake.count('ListMetrics', 500)).toBe(1);
    expect(aws.fake.count('ListMetrics', 200)).toBe(1);
    expect(valueOf(text, 'cloudwatch_exporter_api_errors_total', { action: 'getMetricData', code: 'Throttling' })).toBe(2);
    expect(valueOf(text, 'cloudwatch_exporter_api_errors_total', { action: 'listMetrics', code: 'InternalFailure' })).toBe(1);
    // Successful requests only, as cloudwatch_exporter counts them.
    expect(valueOf(text, 'cloudwatch_requests_total', { action: 'getMetricData', namespace: 'AWS/ELB' })).toBe(1);
  });

  it('a batch that stays throttled fails only its own rules', async () => {
    aws.fake.inject('GetMetricData', ...Array.from({ length: 2 }, () => ({ kind: 'throttle' as const, when: onlyNamespace('AWS/SQS') })));
    const exporter = await aws.start(CONFIG, ['--aws.max-attempts=2']);
    const text = await exporter.scrape();
    expect(valueOf(text, 'aws_elb_request_count_sum', { load_balancer_name: 'lb-a' })).toBe(42);
    expect(valueOf(text, 'aws_sqs_number_of_messages_sent_sum')).toBeUndefined();
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(1);
    expect(valueOf(text, 'cloudwatch_exporter_rule_success', { rule_index: '0', namespace: 'AWS/ELB' })).toBe(1);
    expect(valueOf(text, 'cloudwatch_exporter_rule_success', { rule_index: '1', namespace: 'AWS/SQS' })).toBe(0);
    expect(exporter.logs.filter((l) => l.includes('CloudWatch collection failed'))).toEqual([
      expect.stringMatching(/level=error .*err="Throttling: Rate exceeded" rules=1$/),
    ]);
    // The next scrape recovers by itself.
    const again = await exporter.scrape();
    expect(valueOf(again, 'aws_sqs_number_of_messages_sent_sum', { queue_name: 'jobs' })).toBe(9);
    expect(valueOf(again, 'cloudwatch_exporter_scrape_error')).toBe(0);
  });

  it('rejected credentials: scrape_error 1, one log line naming the cause, no crash, no secret anywhere', async () => {
    const restore = applyEnvironment({ AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000001' });
    try {
      const exporter = await aws.start(CONFIG);
      const res = await fetch(`${exporter.url}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(1);
      expect(valueOf(text, 'cloudwatch_exporter_rule_success', { rule_index: '0' })).toBe(0);
      const failures = exporter.logs.filter((l) => l.includes('CloudWatch collection failed'));
      expect(failures).toEqual([expect.stringContaining('err="InvalidClientTokenId: The security token included in the request is invalid." rules=0,1')]);
      const landing = await (await fetch(`${exporter.url}/`)).text();
      for (const secret of ['AKIAUNKNOWNKEY000001', TEST_SECRET_ACCESS_KEY]) {
        expect(text).not.toContain(secret);
        expect(landing).not.toContain(secret);
        expect(exporter.logs.join('\n')).not.toContain(secret);
      }
    } finally {
      restore();
    }
  });

  it('no credentials at all: the SDK chain finds none; the scrape says so and the exporter keeps serving', async () => {
    const restore = applyEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    try {
      const exporter = await aws.start(CONFIG);
      const text = await exporter.scrape();
      expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(1);
      const failures = exporter.logs.filter((l) => l.includes('CloudWatch collection failed'));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain('no usable AWS credentials');
      expect(aws.fake.calls).toHaveLength(0);
      expect(exporter.logs.join('\n')).not.toContain(TEST_ACCESS_KEY_ID);
    } finally {
      restore();
    }
  });
});
