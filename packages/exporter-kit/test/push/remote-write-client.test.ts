import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { HttpSender } from '../../src/push/http-sender.js';
import { PushTargetStats } from '../../src/push/push-stats.js';
import type { WriteSeries } from '../../src/push/remote-write-proto.js';
import { decodeWriteRequest } from '../../src/push/remote-write-proto.js';
import { RemoteWriteClient } from '../../src/push/remote-write-client.js';
import type { HttpClientOptions } from '../../src/push/http-sender.js';
import { closedPort, startRecordingReceiver, virtualClock } from './recording-receiver.js';

const plain: HttpClientOptions = { tls: {}, headers: [] };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const collection = (t: number, n: number): WriteSeries[] =>
  Array.from({ length: n }, (_, i) => ({ labels: [{ name: '__name__', value: `m${i}` }], samples: [{ value: t, timestamp: t }] }));

async function client(url: string, overrides: Partial<{ capacity: number; perSend: number; giveUpAfterMs: number; http: HttpClientOptions }> = {}) {
  const logs: string[] = [];
  const sender = await HttpSender.create(overrides.http ?? plain, 'demo-exporter/1.2.3', false);
  cleanups.push(() => sender.close());
  const stats = new PushTargetStats('remote_write', overrides.capacity ?? 1000);
  const clock = virtualClock();
  const rw = new RemoteWriteClient({
    url: new URL(`${url}/api/v1/write`), sender, stats, clock,
    logger: createLogger({ level: 'debug', write: (l) => logs.push(l) }),
    requestTimeoutMs: 5000, giveUpAfterMs: overrides.giveUpAfterMs ?? 60_000,
    queueCapacity: overrides.capacity ?? 1000, maxSamplesPerSend: overrides.perSend ?? 500,
  });
  return { rw, stats, clock, logs };
}

describe('RemoteWriteClient', () => {
  it('POSTs snappy protobuf with the spec\'s headers, in batches of at most max-samples-per-send, oldest first', async () => {
    const receiver = await startRecordingReceiver();
    cleanups.push(() => receiver.close());
    const { rw, stats } = await client(receiver.url, { perSend: 400 });
    rw.enqueue(collection(1000, 600));
    rw.enqueue(collection(2000, 300));
    await rw.flush();
    expect(receiver.requests.map((r) => decodeWriteRequest(r.body).length)).toEqual([400, 400, 100]);
    const first = receiver.requests[0]!;
    expect(first.method).toBe('POST');
    expect(first.path).toBe('/api/v1/write');
    expect(first.headers).toMatchObject({
      'content-encoding': 'snappy', 'content-type': 'application/x-protobuf',
      'x-prometheus-remote-write-version': '0.1.0', 'user-agent': 'demo-exporter/1.2.3',
    });
    const timestamps = receiver.requests.flatMap((r) => decodeWriteRequest(r.body).map((s) => s.samples[0]!.timestamp));
    expect(timestamps).toEqual([...Array(600).fill(1000), ...Array(300).fill(2000)]);
    expect(stats).toMatchObject({ samplesSent: 900, requests: 3, retries: 0, samplesFailed: 0, samplesDropped: 0, queueSamples: 0 });
    expect(stats.lastSuccessSeconds).toBeGreaterThan(0);
  });

  it('retries 5xx and 429 with backoff, honouring Retry-After, then succeeds', async () => {
    const script = [
      { status: 500, body: 'boom' },
      { status: 503 },
      { status: 429, headers: { 'Retry-After': '7' } },
      { status: 200 },
    ];
    const receiver = await startRecordingReceiver((_, i) => script[i] ?? { status: 200 });
    cleanups.push(() => receiver.close());
    const { rw, stats, clock } = await client(receiver.url);
    rw.enqueue(collection(1, 10));
    await rw.flush();
    expect(receiver.requests).toHaveLength(4);
    expect(receiver.requests.every((r) => r.body.equals(receiver.requests[0]!.body))).toBe(true);
    // Full jitter with random() = 0.5: half of 100 ms, then half of 200 ms; then Retry-After: 7 s.
    expect(clock.waits).toEqual([50, 100, 7000]);
    expect(stats).toMatchObject({ requests: 4, retries: 3, requestFailures: 3, samplesSent: 10, samplesFailed: 0 });
  });

  it('never retries another 4xx: the samples count as failed and the reason is kept', async () => {
    const receiver = await startRecordingReceiver(() => ({ status: 400, body: 'out of order sample\n' }));
    cleanups.push(() => receiver.close());
    const { rw, stats, logs } = await client(receiver.url);
    rw.enqueue(collection(1, 10));
    await rw.flush();
    expect(receiver.requests).toHaveLength(1);
    expect(stats).toMatchObject({ requests: 1, retries: 0, samplesFailed: 10, samplesSent: 0 });
    expect(rw.failure()?.message).toMatch(/^remote_write http:\/\/127\.0\.0\.1:\d+: HTTP 400: out of order sample$/);
    expect(logs.some((l) => l.includes('level=error') && l.includes('samples=10'))).toBe(true);
  });

  it('against a receiver that always answers 500: retries, gives up after --push.give-up-after, drops beyond the queue bound, never grows', async () => {
    const receiver = await startRecordingReceiver(() => ({ status: 500 }));
    cleanups.push(() => receiver.close());
    const { rw, stats, clock } = await client(receiver.url, { capacity: 1000, perSend: 200, giveUpAfterMs: 30_000 });
    let enqueued = 0;
    for (let i = 0; i < 200; i++) {
      rw.enqueue(collection(i, 150));
      enqueued += 150;
      expect(rw.queuedSamples).toBeLessThanOrEqual(1000);
      await new Promise((r) => setImmediate(r));
    }
    await rw.flush();
    expect(rw.queuedSamples).toBe(0);
    expect(stats.samplesSent).toBe(0);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.samplesDropped).toBeGreaterThan(0);
    expect(stats.samplesFailed + stats.samplesDropped).toBe(enqueued);
    expect(Math.max(...clock.waits)).toBeLessThanOrEqual(5000);
  });

  it('against a dead receiver (connection refused): the same, counted as retried requests and failed samples', async () => {
    const { rw, stats } = await client(`http://127.0.0.1:${await closedPort()}`, { capacity: 300, perSend: 100, giveUpAfterMs: 2_000 });
    for (let i = 0; i < 50; i++) {
      rw.enqueue(collection(i, 100));
      expect(rw.queuedSamples).toBeLessThanOrEqual(300);
    }
    await rw.flush();
    expect(stats.samplesSent).toBe(0);
    // The first 100 went out at once; the queue then held 300 and dropped the older rest.
    expect(stats.samplesDropped).toBe(5000 - 100 - 300);
    expect(stats.samplesFailed).toBe(400);
    expect(rw.failure()?.message).toMatch(/ECONNREFUSED.*gave up after \d+ attempts/);
  });

  it('sends basic auth, extra headers and a bearer token that is read again when its file changes; none of them in the logs', async () => {
    const receiver = await startRecordingReceiver(() => ({ status: 500 }));
    cleanups.push(() => receiver.close());
    const dir = mkdtempSync(join(tmpdir(), 'push-secrets-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'first-token-s3cr3t\n');
    const { rw, logs } = await client(receiver.url, { giveUpAfterMs: 1, http: { tls: {}, headers: [['X-Scope-OrgID', 'team-a']], bearerTokenFile: tokenFile } });
    rw.enqueue(collection(1, 1));
    await rw.flush();
    writeFileSync(tokenFile, 'second-token-longer-s3cr3t\n');
    rw.enqueue(collection(2, 1));
    await rw.flush();
    expect(receiver.requests.map((r) => r.headers.authorization)).toEqual(['Bearer first-token-s3cr3t', 'Bearer second-token-longer-s3cr3t']);
    expect(receiver.requests[0]!.headers['x-scope-orgid']).toBe('team-a');

    const passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, 'pa55-s3cr3t');
    const basic = await client(receiver.url, { giveUpAfterMs: 1, http: { tls: {}, headers: [], basicAuth: { username: 'pusher', passwordFile } } });
    basic.rw.enqueue(collection(1, 1));
    await basic.rw.flush();
    expect(receiver.requests[2]!.headers.authorization).toBe(`Basic ${Buffer.from('pusher:pa55-s3cr3t').toString('base64')}`);
    expect([...logs, ...basic.logs].join('\n')).not.toMatch(/s3cr3t/);
    expect(logs.length).toBeGreaterThan(0);
  });
});
