import { describe, expect, it } from 'vitest';
import { snappyLib } from '../../src/lazy-deps.js';
import { MetricSink } from '../../src/metrics.js';
import { decodeWriteRequest, encodeWriteRequest } from '../../src/push/remote-write-proto.js';
import { SampleQueue } from '../../src/push/remote-write-queue.js';
import { StaleSeriesTracker, familiesToSeries, isStaleNaN, staleNaN } from '../../src/push/remote-write-series.js';
import type { WriteSeries } from '../../src/push/remote-write-proto.js';
import type { MetricFamily } from '../../src/metrics.js';

const labelsOf = (s: WriteSeries): Record<string, string> => Object.fromEntries(s.labels.map((l) => [l.name, l.value]));

describe('familiesToSeries (one collection as remote_write series)', () => {
  const families = new MetricSink()
    .counter('jobs_done_total', 'Jobs.', 7, { queue: 'a' })
    .gauge('temperature_celsius', 'T.', 21.5, { job: 'inner', room: '' })
    .histogram('latency_seconds', 'L.', { buckets: [[0.1, 2], [1, 5]], sum: 3.2, count: 6 })
    .summary('rpc_seconds', 'R.', { quantiles: [[0.5, 0.02]], sum: 9, count: 100 })
    .toFamilies();
  const series = familiesToSeries(families, [['job', 'pusher'], ['instance', 'host-1'], ['zone', '']], 1_700_000_000_123);
  const byName = (name: string) => series.filter((s) => labelsOf(s).__name__ === name).map(labelsOf);

  it('gives every exposition line its own series named by __name__, with the collection timestamp', () => {
    expect(series).toHaveLength(1 + 1 + 3 + 2 + 1 + 2);
    for (const s of series) expect(s.samples).toEqual([{ value: expect.any(Number), timestamp: 1_700_000_000_123 }]);
    expect(byName('jobs_done_total')).toEqual([{ __name__: 'jobs_done_total', queue: 'a', job: 'pusher', instance: 'host-1' }]);
  });

  it('keeps a sample\'s own timestamp, and sends a series repeated with ascending timestamps as one series', () => {
    const relayed: MetricFamily[] = [{
      name: 'aws_myapp_orders_sum', help: 'Orders.', type: 'gauge', samples: [
        { suffix: '', labels: { shop: 'eu' }, value: 1, timestampMs: 1_700_000_000_000 },
        { suffix: '', labels: { shop: 'us' }, value: 9, timestampMs: 1_700_000_060_000 },
        { suffix: '', labels: { shop: 'eu' }, value: 2, timestampMs: 1_700_000_300_000 },
      ],
    }];
    const written = familiesToSeries(relayed, [['job', 'cw']], 1_800_000_000_000);
    expect(written.map((s) => [labelsOf(s).shop, s.samples])).toEqual([
      ['eu', [{ value: 1, timestamp: 1_700_000_000_000 }, { value: 2, timestamp: 1_700_000_300_000 }]],
      ['us', [{ value: 9, timestamp: 1_700_000_060_000 }]],
    ]);
  });

  it('maps histograms to _bucket (with le, +Inf included), _sum and _count, summaries to quantiles, _sum and _count', () => {
    expect(byName('latency_seconds_bucket').map((l) => l.le)).toEqual(['0.1', '1', '+Inf']);
    expect(byName('latency_seconds_sum')).toHaveLength(1);
    expect(series.find((s) => labelsOf(s).__name__ === 'latency_seconds_count')?.samples[0]?.value).toBe(6);
    expect(byName('rpc_seconds')).toEqual([{ __name__: 'rpc_seconds', quantile: '0.5', job: 'pusher', instance: 'host-1' }]);
    expect(byName('rpc_seconds_count')).toHaveLength(1);
  });

  it('keeps a sample\'s own identity label as exported_<name> and leaves empty values out', () => {
    expect(byName('temperature_celsius')).toEqual([{ __name__: 'temperature_celsius', exported_job: 'inner', job: 'pusher', instance: 'host-1' }]);
  });

  it('sorts labels by name, as the spec requires', () => {
    for (const s of series) {
      const names = s.labels.map((l) => l.name);
      expect(names).toEqual([...names].sort());
    }
  });
});

describe('WriteRequest encoding (protobuf + snappy)', () => {
  it('round-trips labels, values and 64-bit millisecond timestamps', () => {
    const series: WriteSeries[] = [
      { labels: [{ name: '__name__', value: 'a' }, { name: 'x', value: 'ü/é' }], samples: [{ value: 1.5, timestamp: 1_700_000_000_123 }] },
      { labels: [{ name: '__name__', value: 'b' }], samples: [{ value: -Infinity, timestamp: 0 }, { value: 2 ** 53, timestamp: 1 }] },
    ];
    expect(decodeWriteRequest(encodeWriteRequest(series))).toEqual(series);
  });

  it('is snappy block format (starts with the varint of the raw length; the framed format would start 0xff)', () => {
    const body = encodeWriteRequest([{ labels: [{ name: '__name__', value: 'up' }], samples: [{ value: 1, timestamp: 5 }] }]);
    const raw = snappyLib().uncompress(body);
    expect(raw.length).toBeLessThan(128);
    expect(body[0]).toBe(raw.length);
  });

  it('keeps the stale marker\'s exact NaN bits through encoding', () => {
    const [decoded] = decodeWriteRequest(encodeWriteRequest([{ labels: [{ name: '__name__', value: 'gone' }], samples: [{ value: staleNaN(), timestamp: 9 }] }]));
    expect(isStaleNaN(decoded!.samples[0]!.value)).toBe(true);
    expect(isStaleNaN(Number.NaN)).toBe(false);
  });
});

describe('StaleSeriesTracker', () => {
  const one = (name: string): WriteSeries => ({ labels: [{ name: '__name__', value: name }], samples: [{ value: 1, timestamp: 1 }] });

  it('marks the series that vanished since the previous collection, once', () => {
    const t = new StaleSeriesTracker();
    expect(t.vanished([one('a'), one('b')], 1000)).toEqual([]);
    const markers = t.vanished([one('a')], 2000);
    expect(markers.map((m) => m.labels[0]?.value)).toEqual(['b']);
    expect(markers[0]?.samples[0]?.timestamp).toBe(2000);
    expect(isStaleNaN(markers[0]!.samples[0]!.value)).toBe(true);
    expect(t.vanished([one('a')], 3000)).toEqual([]);
  });
});

describe('SampleQueue', () => {
  const batch = (from: number, n: number): WriteSeries[] =>
    Array.from({ length: n }, (_, i) => ({ labels: [{ name: '__name__', value: `s${from + i}` }], samples: [{ value: from + i, timestamp: 0 }] }));
  const names = (xs: WriteSeries[]) => xs.map((s) => s.labels[0]?.value);

  it('never holds more than its capacity and drops the oldest first, counting them', () => {
    const q = new SampleQueue(5);
    expect(q.push(batch(0, 3))).toBe(0);
    expect(q.push(batch(3, 4))).toBe(2);
    expect(q.length).toBe(5);
    expect(names(q.take(10))).toEqual(['s2', 's3', 's4', 's5', 's6']);
    expect(q.push(batch(100, 8))).toBe(3);
    expect(names(q.take(2))).toEqual(['s103', 's104']);
    expect(q.length).toBe(3);
  });

  it('stays bounded over many pushes', () => {
    const q = new SampleQueue(1000);
    let dropped = 0;
    for (let i = 0; i < 500; i++) {
      dropped += q.push(batch(i * 37, 37));
      if (i % 3 === 0) q.take(20);
      expect(q.length).toBeLessThanOrEqual(1000);
    }
    expect(dropped).toBeGreaterThan(0);
    expect(dropped + q.length + 167 * 20).toBe(500 * 37);
  });
});
