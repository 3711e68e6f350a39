import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWriteRequest } from '../../src/push/remote-write-proto.js';
import { isStaleNaN } from '../../src/push/remote-write-series.js';
import { eventually } from './real-receivers.js';
import { startDemo } from './demo-exporter.js';
import { startRecordingReceiver } from './recording-receiver.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function receiver(answer?: Parameters<typeof startRecordingReceiver>[0]) {
  const r = await startRecordingReceiver(answer);
  cleanups.push(() => r.close());
  return r;
}

async function demo(argv: string[]) {
  const started = await startDemo(argv);
  cleanups.push(() => started.running.close(1000));
  return started;
}

const nameOf = (labels: ReadonlyArray<{ name: string; value: string }>) => labels.find((l) => l.name === '__name__')?.value ?? '';

describe('push mode inside an exporter', () => {
  it('pushes what a scrape returns: the same series, self metrics included', async () => {
    const rw = await receiver();
    const { running } = await demo([`--push.remote-write-url=${rw.url}/api/v1/write`, '--push.interval=1h', '--web.listen-address=127.0.0.1:0']);
    await eventually(async () => (rw.requests.length > 0 ? true : undefined), 'the first push');
    const scraped = await (await fetch(`http://${running.addresses[0]}/metrics`)).text();
    const scrapedSeries = new Set(scraped.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.replace(/ [^ ]+$/, '').replace(/\{.*$/, '')));
    const pushedSeries = new Set(rw.requests.flatMap((r) => decodeWriteRequest(r.body)).map((s) => nameOf(s.labels)));
    // The scrape ran after the push, so it also lists the push's own counters: compare without them.
    // demo_first_round_only is, by design, only in the first collection (the push's).
    const withoutPush = (xs: Set<string>) => [...xs].filter((n) => !n.startsWith('scrapekit_push_') && n !== 'demo_first_round_only').sort();
    expect(withoutPush(pushedSeries)).toEqual(withoutPush(scrapedSeries));
    expect(scrapedSeries).toContain('scrapekit_push_samples_sent_total');
    expect(pushedSeries).toContain('demo_first_round_only');
  });

  it('--web.disable-listen: nothing listens, pushes repeat, and a series that vanished gets a stale marker', async () => {
    const rw = await receiver();
    const { running } = await demo([`--push.remote-write-url=${rw.url}/api/v1/write`, '--push.interval=20ms', '--web.disable-listen']);
    expect(running.addresses).toEqual([]);
    await eventually(async () => (rw.requests.length >= 2 ? true : undefined), 'two pushes');
    const second = decodeWriteRequest(rw.requests[1]!.body);
    const marker = second.find((s) => nameOf(s.labels) === 'demo_first_round_only');
    expect(marker && isStaleNaN(marker.samples[0]!.value)).toBe(true);
    const first = decodeWriteRequest(rw.requests[0]!.body);
    expect(second[0]!.samples[0]!.timestamp).toBeGreaterThan(first[0]!.samples[0]!.timestamp);
  });

  it('keeps credentials out of logs, the landing page and the metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'push-secret-'));
    writeFileSync(join(dir, 'token'), 'tok-s3cr3t-value');
    const gw = await receiver(() => ({ status: 500, body: 'down' }));
    const { running, logs } = await demo([
      `--push.gateway-url=${gw.url}`, `--push.bearer-token-file=${join(dir, 'token')}`, '--push.give-up-after=50ms',
      '--push.interval=1h', '--web.listen-address=127.0.0.1:0', '--log.level=debug',
    ]);
    await eventually(async () => (logs.some((l) => l.includes('push to the Pushgateway failed')) ? true : undefined), 'a failed push');
    expect(gw.requests[0]?.headers.authorization).toBe('Bearer tok-s3cr3t-value');
    const base = `http://${running.addresses[0]}`;
    const pages = await Promise.all(['/', '/metrics'].map(async (p) => (await fetch(base + p)).text()));
    expect(pages[1]).toMatch(/^scrapekit_push_request_failures_total\{target="pushgateway"\} [1-9]/m);
    expect([...pages, ...logs].join('\n')).not.toContain('s3cr3t');
  });

  it('retries a Pushgateway PUT answered 503 until it is accepted, always the same group', async () => {
    let calls = 0;
    const gw = await receiver(() => (++calls <= 3 ? { status: 503 } : { status: 200 }));
    await demo([`--push.gateway-url=${gw.url}`, '--push.interval=1h', '--web.disable-listen', '--push.grouping=instance=host-a']);
    await eventually(async () => (gw.requests.length >= 4 ? true : undefined), 'the retried push to succeed');
    expect(gw.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(4).fill('PUT /metrics/job/demo-exporter/instance/host-a'));
    expect(gw.requests[3]!.body.toString()).toMatch(/^demo_requests_total\{method="GET"\} 42$/m);
  });
});
