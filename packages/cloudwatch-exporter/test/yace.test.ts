import { describe, expect, it } from 'vitest';
import { samplesNamed, useFakeAws, valueOf, writeConfig } from './support/harness.js';

const NEWEST = Math.floor(Date.now() / 300_000) * 300 - 600;
/**
 * The 5-minute window YACE aligns to the period, as it stands now and after the next boundary:
 * the same value in both, so a scrape that runs just after a boundary sees it too.
 */
const recent = (value: number) => [{ t: NEWEST, value }, { t: NEWEST + 300, value }];
const ec2 = (id: string, value: number) => ({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'InstanceId', Value: id }], points: recent(value) });
const arn = (id: string) => `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`;
/** The rest of an EC2 discovery job: a custom tag, a 5-minute window and CPUUtilization's average. */
const EC2_CPU_JOB = `      customTags:
        - key: Env
          value: prod
      period: 300
      length: 300
      delay: 300
      metrics:
        - name: CPUUtilization
          statistics: [Average]`;

describe('YACE config against the fake CloudWatch', () => {
  const aws = useFakeAws({
    metrics: [
      ec2('i-1', 11), ec2('i-2', 22), ec2('i-3', 33),
      // No resource regex applies (no InstanceId): kept as name="global".
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'AutoScalingGroupName', Value: 'asg' }], points: recent(44) },
      { namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', dimensions: [{ Name: 'QueueName', Value: 'jobs' }], points: recent(5) },
      { namespace: 'MyApp', metricName: 'Orders', dimensions: [{ Name: 'Shop', Value: 'eu' }], points: [] },
    ],
    resources: [
      { arn: arn('i-1'), tags: { Team: 'web', Name: 'web-1' } },
      { arn: arn('i-2'), tags: { Team: 'web-canary' } },
      { arn: arn('i-3'), tags: { Team: 'db', Name: 'db-1' } },
    ],
  });

  it('discovery, static and customNamespace jobs with YACE names, labels, info metrics and self metrics', async () => {
    const exporter = await aws.start(writeConfig(`
apiVersion: v1alpha1
discovery:
  exportedTagsOnMetrics:
    AWS/EC2: [Name]
  jobs:
    - type: AWS/EC2
      regions: [eu-west-1]
      searchTags:
        - key: Team
          value: ^web
${EC2_CPU_JOB}
static:
  - name: jobs-queue
    namespace: AWS/SQS
    regions: [eu-west-1]
    dimensions:
      - name: QueueName
        value: jobs
    metrics:
      - name: NumberOfMessagesSent
        statistics: [Sum]
        period: 300
        length: 900
customNamespace:
  - name: shop
    namespace: MyApp
    regions: [eu-west-1]
    nilToZero: true
    metrics:
      - name: Orders
        statistics: [Sum]
`));
    const text = await exporter.scrape();
    const cpu = samplesNamed(text, 'aws_ec2_cpuutilization_average').map((s) => [s.labels, s.value]);
    expect(cpu).toEqual([
      [{ name: arn('i-1'), dimension_InstanceId: 'i-1', dimension_AutoScalingGroupName: '', tag_Name: 'web-1', region: 'eu-west-1', account_id: '123456789012', custom_tag_Env: 'prod' }, 11],
      [{ name: arn('i-2'), dimension_InstanceId: 'i-2', dimension_AutoScalingGroupName: '', tag_Name: '', region: 'eu-west-1', account_id: '123456789012', custom_tag_Env: 'prod' }, 22],
      [{ name: 'global', dimension_InstanceId: '', dimension_AutoScalingGroupName: 'asg', tag_Name: '', region: 'eu-west-1', account_id: '123456789012', custom_tag_Env: 'prod' }, 44],
    ]);
    expect(samplesNamed(text, 'aws_ec2_info').map((s) => [s.labels, s.value])).toEqual([
      [{ name: arn('i-1'), tag_Team: 'web', tag_Name: 'web-1' }, 0],
      [{ name: arn('i-2'), tag_Team: 'web-canary', tag_Name: '' }, 0],
    ]);
    expect(samplesNamed(text, 'aws_sqs_number_of_messages_sent_sum').map((s) => [s.labels, s.value])).toEqual([
      [{ name: 'jobs-queue', dimension_QueueName: 'jobs', region: 'eu-west-1', account_id: '123456789012' }, 5],
    ]);
    // No datapoint: 0 with nilToZero (NaN without it).
    expect(valueOf(text, 'aws_myapp_orders_sum', { name: 'shop', dimension_Shop: 'eu' })).toBe(0);
    expect(valueOf(text, 'yace_cloudwatch_requests_total', { api_name: 'ListMetrics' })).toBe(2);
    expect(valueOf(text, 'yace_cloudwatch_requests_total', { api_name: 'GetMetricData' })).toBe(3);
    expect(valueOf(text, 'yace_cloudwatch_getmetricdata_metrics_requested_total')).toBe(5);
    expect(valueOf(text, 'yace_cloudwatch_resourcegrouptaggingapi_requests_total')).toBe(1);
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(0);
    // One scope (eu-west-1, no role): its account asked once; this account has no alias.
    expect([aws.fake.count('GetCallerIdentity'), aws.fake.count('ListAccountAliases')]).toEqual([1, 1]);
    expect(text).not.toContain('account_alias=');
    const tagging = aws.fake.calls.find((c) => c.operation === 'GetResources');
    expect(tagging?.input).toMatchObject({ ResourceTypeFilters: ['ec2:instance'], TagFilters: [{ Key: 'Team' }] });
    // The static job needs no ListMetrics; its window is aligned to the period.
    expect(aws.fake.calls.filter((c) => c.operation === 'ListMetrics').map((c) => c.input['Namespace']).sort()).toEqual(['AWS/EC2', 'MyApp']);
    const sqs = aws.fake.calls.find((c) => c.operation === 'GetMetricData' && JSON.stringify(c.input).includes('AWS/SQS'));
    expect((sqs?.input['EndTime'] as number) % 300).toBe(0);
    expect((sqs?.input['EndTime'] as number) - (sqs?.input['StartTime'] as number)).toBe(900);
  });
});

describe('YACE account labels (STS GetCallerIdentity, IAM ListAccountAliases)', () => {
  const OTHER_ACCOUNT_ROLE = 'arn:aws:iam::210987654321:role/cloudwatch-reader';
  const aws = useFakeAws({
    metrics: [ec2('i-1', 11)],
    resources: [{ arn: arn('i-1'), tags: { Team: 'web' } }],
    accountAliases: ['acme-prod'],
    roles: [OTHER_ACCOUNT_ROLE],
  });
  const config = (roles = '') => writeConfig(`
apiVersion: v1alpha1
discovery:
  jobs:
    - type: AWS/EC2
      regions: [eu-west-1]
${roles}      includeContextOnInfoMetrics: true
${EC2_CPU_JOB}
`);

  it('labels series (and, with includeContextOnInfoMetrics, info metrics) with the account id and alias, asked once', async () => {
    const exporter = await aws.start(config());
    const first = await exporter.scrape();
    const second = await exporter.scrape();
    for (const text of [first, second]) {
      expect(samplesNamed(text, 'aws_ec2_cpuutilization_average').map((s) => [s.labels, s.value])).toEqual([
        [{ name: arn('i-1'), dimension_InstanceId: 'i-1', region: 'eu-west-1', account_id: '123456789012', account_alias: 'acme-prod', custom_tag_Env: 'prod' }, 11],
      ]);
      expect(samplesNamed(text, 'aws_ec2_info').map((s) => s.labels)).toEqual([
        { name: arn('i-1'), tag_Team: 'web', region: 'eu-west-1', account_id: '123456789012', account_alias: 'acme-prod', custom_tag_Env: 'prod' },
      ]);
    }
    expect([aws.fake.count('GetCallerIdentity'), aws.fake.count('ListAccountAliases')]).toEqual([1, 1]);
  });

  it('series of a job with a role carry the role\'s account', async () => {
    const exporter = await aws.start(config(`      roles:\n        - roleArn: ${OTHER_ACCOUNT_ROLE}\n`));
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_ec2_cpuutilization_average').map((s) => s.labels['account_id'])).toEqual(['210987654321']);
    expect(aws.fake.calls.filter((c) => c.operation === 'GetCallerIdentity').map((c) => c.accessKeyId?.startsWith('ASIAFAKE'))).toEqual([true]);
  });

  it('without iam:ListAccountAliases the series go without account_alias, one warning, and IAM is asked again next time', async () => {
    aws.fake.inject('ListAccountAliases', { kind: 'access-denied' }, { kind: 'access-denied' });
    const exporter = await aws.start(config());
    const texts = [await exporter.scrape(), await exporter.scrape()];
    for (const text of texts) {
      expect(samplesNamed(text, 'aws_ec2_cpuutilization_average').map((s) => [s.labels['account_id'], s.labels['account_alias']])).toEqual([['123456789012', undefined]]);
      expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(0);
    }
    expect(aws.fake.count('ListAccountAliases')).toBe(2);
    // A warning the first time, debug after that.
    const told = exporter.logs.filter((l) => l.includes('Failed to get the account alias')).map((l) => /level=(\w+)/.exec(l)?.[1]);
    expect(told).toEqual(['warn', 'debug']);
    expect(exporter.logs.find((l) => l.includes('Failed to get the account alias'))).toContain('AccessDenied');
    // IAM answers again: the alias appears.
    expect(samplesNamed(await exporter.scrape(), 'aws_ec2_cpuutilization_average')[0]?.labels['account_alias']).toBe('acme-prod');
  });

  it('an account STS cannot tell skips its jobs for that collection (scrape error 1, cause logged), and is asked again', async () => {
    aws.fake.inject('GetCallerIdentity', { kind: 'server-error' });
    const exporter = await aws.start(config(), ['--aws.max-attempts=1']);
    const failed = await exporter.scrape();
    expect(samplesNamed(failed, 'aws_ec2_cpuutilization_average')).toEqual([]);
    expect(valueOf(failed, 'cloudwatch_exporter_scrape_error')).toBe(1);
    expect(aws.fake.count('ListMetrics')).toBe(0);
    expect(exporter.logs.some((l) => l.includes('CloudWatch collection failed') && l.includes('InternalFailure'))).toBe(true);
    const recovered = await exporter.scrape();
    expect(samplesNamed(recovered, 'aws_ec2_cpuutilization_average').map((s) => s.labels['account_id'])).toEqual(['123456789012']);
    expect(valueOf(recovered, 'cloudwatch_exporter_scrape_error')).toBe(0);
  });
});

describe('YACE exportAllDataPoints against the fake CloudWatch', () => {
  // The window (length 3600, delay 600) holds the three newest points even if a 5-minute boundary passes before the scrape.
  const T0 = Math.floor(Date.now() / 300_000) * 300;
  const shop = (name: string, value: string, points: Array<[t: number, value: number]>) => (
    { namespace: 'MyApp', metricName: name, dimensions: [{ Name: 'Shop', Value: value }], points: points.map(([t, v]) => ({ t, value: v })) });
  const aws = useFakeAws({
    metrics: [
      shop('Orders', 'eu', [[T0 - 1500, 2], [T0 - 7200, 99], [T0 - 1200, 3], [T0 - 1800, 1]]),
      shop('Orders', 'us', []),
      shop('Refunds', 'eu', [[T0 - 1800, 5], [T0 - 1200, 7]]),
    ],
    // Two datapoints a page: the points of one query arrive over several pages.
    maxDatapointsPerPage: 2,
  });
  const window = `    period: 300
    length: 3600
    delay: 600
    statistics: [Sum]`;

  it('exports every datapoint of the window, oldest first with its timestamp; off (the default) only the newest', async () => {
    const exporter = await aws.start(writeConfig(`
apiVersion: v1alpha1
customNamespace:
  - name: all
    namespace: MyApp
    regions: [eu-west-1]
${window}
    nilToZero: true
    addCloudwatchTimestamp: true
    exportAllDataPoints: true
    metrics:
      - name: Orders
      - name: Refunds
        exportAllDataPoints: false
  - name: newest
    namespace: MyApp
    regions: [eu-west-1]
${window}
    metrics:
      - name: Orders
`));
    const text = await exporter.scrape();
    const orders = samplesNamed(text, 'aws_myapp_orders_sum').map((s) => [s.labels['name'], s.labels['dimension_Shop'], s.value, s.timestampMs]);
    expect(orders).toEqual([
      ['all', 'eu', 1, (T0 - 1800) * 1000],
      ['all', 'eu', 2, (T0 - 1500) * 1000],
      ['all', 'eu', 3, (T0 - 1200) * 1000],
      // As YACE: with timestamps a query without datapoints gives no sample, nilToZero or not.
      ['newest', 'eu', 3, undefined],
      ['newest', 'us', NaN, undefined],
    ]);
    expect(samplesNamed(text, 'aws_myapp_refunds_sum').map((s) => [s.value, s.timestampMs])).toEqual([[7, (T0 - 1200) * 1000]]);
    expect(aws.fake.count('GetMetricData')).toBeGreaterThan(1);
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(0);
    expect(exporter.logs.filter((l) => l.includes('dropped'))).toEqual([]);
  });
});
