import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { oneRuleConfig, samplesNamed, useFakeAws } from './support/harness.js';

const NEWEST = Math.floor(Date.now() / 60_000) * 60 - 660;
const queue = (name: string) => ({
  namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', dimensions: [{ Name: 'QueueName', Value: name }],
  points: [{ t: NEWEST, value: { Sum: 10, Maximum: 4, p90: 3.5 } }, { t: NEWEST - 60, value: { Sum: 8, Maximum: 2, p90: 1.5 } }],
});

describe('the fake speaks what the installed SDK sends', () => {
  // One datapoint per GetMetricData page: the exporter must follow NextToken to the end.
  const aws = useFakeAws({ metrics: [queue('a'), queue('b')], maxDatapointsPerPage: 1 });

  it('CloudWatch over AWS JSON 1.0 with query compatibility; GetMetricData NextToken followed to the last page', async () => {
    const exporter = await aws.start(oneRuleConfig('AWS/SQS', 'NumberOfMessagesSent', ['QueueName'], ['Sum', 'Maximum']));
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_sqs_number_of_messages_sent_sum').map((s) => [s.labels['queue_name'], s.value, s.timestampMs])).toEqual([
      ['a', 10, NEWEST * 1000], ['b', 10, NEWEST * 1000],
    ]);
    expect(samplesNamed(text, 'aws_sqs_number_of_messages_sent_maximum').map((s) => s.value)).toEqual([4, 4]);
    // 4 queries × 2 points, one point per page.
    expect(aws.fake.count('GetMetricData')).toBe(8);
    const call = aws.fake.calls.find((c) => c.operation === 'GetMetricData');
    expect(call?.headers).toEqual({
      'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-query-mode': 'true',
    });
  });

  it('GetMetricStatistics: statistics and extended statistics per datapoint, timestamps as Dates', async () => {
    const client = new CloudWatchClient({ region: 'eu-west-1' });
    try {
      const out = await client.send(new GetMetricStatisticsCommand({
        Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent', Dimensions: [{ Name: 'QueueName', Value: 'b' }],
        StartTime: new Date((NEWEST - 600) * 1000), EndTime: new Date((NEWEST + 60) * 1000), Period: 60,
        Statistics: ['Sum', 'Maximum'], ExtendedStatistics: ['p90'],
      }));
      const points = (out.Datapoints ?? []).sort((x, y) => (x.Timestamp?.getTime() ?? 0) - (y.Timestamp?.getTime() ?? 0));
      expect(points.map((p) => [p.Timestamp?.getTime(), p.Sum, p.Maximum, p.ExtendedStatistics?.['p90']])).toEqual([
        [(NEWEST - 60) * 1000, 8, 2, 1.5], [NEWEST * 1000, 10, 4, 3.5],
      ]);
      expect(aws.fake.calls.at(-1)?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.GetMetricStatistics');
    } finally {
      client.destroy();
    }
  });

  it('query-compatible errors reach the SDK with their code', async () => {
    aws.fake.inject('GetMetricStatistics', { kind: 'throttle' });
    const client = new CloudWatchClient({ region: 'eu-west-1', maxAttempts: 1 });
    try {
      const err = await client.send(new GetMetricStatisticsCommand({
        Namespace: 'AWS/SQS', MetricName: 'X', StartTime: new Date(0), EndTime: new Date(60_000), Period: 60, Statistics: ['Sum'],
      })).catch((e: unknown) => e as { name: string; Code?: string; message: string; $metadata: { httpStatusCode: number } });
      // Query compatibility: the code from x-amzn-query-error wins over the JSON __type, as with real CloudWatch.
      expect(err).toMatchObject({ name: 'Throttling', Code: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
    } finally {
      client.destroy();
    }
  });
});
