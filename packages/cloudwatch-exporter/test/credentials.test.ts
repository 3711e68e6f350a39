import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEnvironment, oneRuleConfig, TEST_ACCESS_KEY_ID, useFakeAws, valueOf } from './support/harness.js';

const NEWEST = Math.floor(Date.now() / 60_000) * 60 - 660;
const ROLE = 'arn:aws:iam::210987654321:role/cloudwatch-read';
const PROFILE_KEY = 'AKIAPROFILEKEY000001';

const config = (roleArn: string) => oneRuleConfig('AWS/SQS', 'NumberOfMessagesSent', ['QueueName'], ['Sum'], `region: eu-west-1\nrole_arn: ${roleArn}`);

describe('credentials: shared files, role_arn through STS AssumeRole', () => {
  // Sessions of 2 minutes: inside the SDK's 5-minute refresh window, so every use asks STS again.
  const aws = useFakeAws({
    metrics: [{ namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', dimensions: [{ Name: 'QueueName', Value: 'jobs' }], points: [{ t: NEWEST, value: 3 }] }],
    roles: [ROLE],
    sessionSeconds: 120,
    accessKeys: [TEST_ACCESS_KEY_ID, PROFILE_KEY],
  });

  it('finds credentials in the shared credentials file under AWS_PROFILE (no role)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-profile-'));
    const file = join(dir, 'credentials');
    writeFileSync(file, `[default]\naws_access_key_id = AKIADEFAULTNOTUSED01\naws_secret_access_key = x\n\n[monitoring]\naws_access_key_id = ${PROFILE_KEY}\naws_secret_access_key = profile-secret\n`);
    const restore = applyEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'monitoring' });
    try {
      const exporter = await aws.start(oneRuleConfig('AWS/SQS', 'NumberOfMessagesSent', ['QueueName'], ['Sum']));
      expect(valueOf(await exporter.scrape(), 'aws_sqs_number_of_messages_sent_sum', { queue_name: 'jobs' })).toBe(3);
      expect(new Set(aws.fake.calls.map((c) => c.accessKeyId))).toEqual(new Set([PROFILE_KEY]));
    } finally {
      restore();
    }
  });

  it('assumes the role with the ambient credentials and calls CloudWatch with the session', async () => {
    const exporter = await aws.start(config(ROLE));
    const text = await exporter.scrape();
    expect(valueOf(text, 'aws_sqs_number_of_messages_sent_sum', { queue_name: 'jobs' })).toBe(3);
    const assume = aws.fake.calls.filter((c) => c.operation === 'AssumeRole');
    expect(assume.length).toBeGreaterThanOrEqual(1);
    expect(assume[0]).toMatchObject({ service: 'sts', accessKeyId: TEST_ACCESS_KEY_ID, input: { RoleArn: ROLE, RoleSessionName: 'cloudwatch_exporter' } });
    const data = aws.fake.calls.filter((c) => c.service === 'cloudwatch');
    expect(data.every((c) => c.accessKeyId?.startsWith('ASIAFAKE'))).toBe(true);
    expect(exporter.logs.join('\n')).not.toMatch(/ASIAFAKE|fake-secret|fake-session-token/);
    expect(text).not.toMatch(/ASIAFAKE|fake-secret|fake-session-token/);
  });

  it('refreshes credentials that are about to expire before using them', async () => {
    const exporter = await aws.start(config(ROLE));
    await exporter.scrape();
    const before = aws.fake.count('AssumeRole');
    await exporter.scrape();
    expect(aws.fake.count('AssumeRole')).toBeGreaterThan(before);
    // No CloudWatch call was ever refused for an expired token.
    expect(aws.fake.calls.filter((c) => c.service === 'cloudwatch' && c.status !== 200)).toEqual([]);
  });

  it('a role we may not assume: scrape_error 1 and the reason in one log line', async () => {
    const exporter = await aws.start(config('arn:aws:iam::210987654321:role/not-allowed'));
    const text = await exporter.scrape();
    expect(valueOf(text, 'cloudwatch_exporter_scrape_error')).toBe(1);
    const failures = exporter.logs.filter((l) => l.includes('CloudWatch collection failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('AccessDenied');
    expect(failures[0]).toContain('sts:AssumeRole');
    expect(aws.fake.calls.filter((c) => c.service === 'cloudwatch')).toEqual([]);
  });
});
