import { describe, expect, it } from 'vitest';
import { backoffDelayMs, withBackoff } from '../src/aws/backoff.js';
import { describeAwsError, isRetryable, isThrottling } from '../src/aws/errors.js';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 500 };

describe('jittered exponential backoff', () => {
  it('waits a random share of a doubling, capped delay', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(policy, n, () => 0.999))).toEqual([99, 199, 399, 499, 499]);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(250);
  });

  it('retries throttling until it succeeds, sleeping between attempts', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withBackoff(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', Code: 'Throttling' });
      return 'ok';
    }, isRetryable, policy, { random: () => 0.5, sleep: async (ms) => { slept.push(ms); } });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toEqual([50, 100]);
  });

  it('gives up after maxAttempts and never retries a client error', async () => {
    let calls = 0;
    const throttled = () => { calls++; throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }); };
    await expect(withBackoff(async () => throttled(), isRetryable, policy, { random: () => 0, sleep: async () => {} })).rejects.toThrow('Rate exceeded');
    expect(calls).toBe(4);
    calls = 0;
    const denied = () => { calls++; throw Object.assign(new Error('denied'), { name: 'AccessDeniedException', $fault: 'client' }); };
    await expect(withBackoff(async () => denied(), isRetryable, policy, { random: () => 0, sleep: async () => {} })).rejects.toThrow('denied');
    expect(calls).toBe(1);
  });

  it('recognises the three throttling spellings and 5xx', () => {
    expect(isThrottling({ name: 'ThrottlingException', Code: 'Throttling' })).toBe(true);
    expect(isThrottling({ name: 'ThrottledException' })).toBe(true);
    expect(isThrottling({ name: 'Error', message: 'Rate exceeded' })).toBe(true);
    expect(isThrottling({ name: 'AccessDenied' })).toBe(false);
    expect(isRetryable({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } })).toBe(true);
  });

  it('describes errors in one line without access key ids', () => {
    expect(describeAwsError({ name: 'UnrecognizedClientException', Code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' }))
      .toBe('InvalidClientTokenId: The security token included in the request is invalid.');
    expect(describeAwsError({ name: 'X', message: 'key AKIAABCDEFGHIJKLMNOP is bad\nsecond line' })).toBe('X: key <redacted> is bad');
    expect(describeAwsError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }))
      .toMatch(/^no usable AWS credentials: Could not load credentials from any providers \(set AWS_ACCESS_KEY_ID/);
  });
});
