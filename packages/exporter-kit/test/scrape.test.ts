import { describe, expect, it } from 'vitest';
import type { Collector, MetricFamily } from '../src/index.js';
import { NoDataError, collectOnce, createLogger, defineCollector, runScrape, silentLogger } from '../src/index.js';

const NAMES = { duration: 'demo_scrape_collector_duration_seconds', success: 'demo_scrape_collector_success' };

function gaugeCollector(name: string, value: number, delayMs = 0): Collector<void> {
  return defineCollector({
    name, help: `${name} test collector`, defaultEnabled: true,
    async collect(ctx, out) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      ctx.signal.throwIfAborted();
      out.gauge(`demo_${name}`, 'value', value);
    },
  });
}

function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const f = families.find((x) => x.name === name);
  return f?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('runScrape', () => {
  it('runs collectors concurrently and reports duration and success for each', async () => {
    // Each collector waits until both are running: run one after the other they would deadlock
    // until the deadline and report success 0.
    let running = 0;
    const rendezvous = (name: string, v: number): Collector<void> => defineCollector({
      name, help: name, defaultEnabled: true,
      async collect(ctx, out) {
        running++;
        while (running < 2) {
          ctx.signal.throwIfAborted();
          await new Promise((r) => setTimeout(r, 5));
        }
        out.gauge(`demo_${name}`, 'value', v);
      },
    });
    const families = await runScrape({
      collectors: [rendezvous('a', 1), rendezvous('b', 2)],
      target: undefined, timeoutMs: 5000, collectorMetrics: NAMES,
    });
    expect(value(families, 'demo_a')).toBe(1);
    expect(value(families, 'demo_b')).toBe(2);
    expect(value(families, NAMES.success, { collector: 'a' })).toBe(1);
    expect(value(families, NAMES.success, { collector: 'b' })).toBe(1);
    expect(value(families, NAMES.duration, { collector: 'a' })).toBeGreaterThan(0);
  });

  it('a collector that throws contributes nothing and gets success 0; the others are intact', async () => {
    const broken = defineCollector({
      name: 'broken', help: 'fails half-way', defaultEnabled: true,
      async collect(_ctx, out) {
        out.gauge('demo_partial', 'written before the failure', 1);
        throw new Error('boom');
      },
    });
    const families = await runScrape({ collectors: [broken, gaugeCollector('ok', 5)], target: undefined, timeoutMs: 1000, collectorMetrics: NAMES });
    expect(families.find((f) => f.name === 'demo_partial')).toBeUndefined();
    expect(value(families, 'demo_ok')).toBe(5);
    expect(value(families, NAMES.success, { collector: 'broken' })).toBe(0);
    expect(value(families, NAMES.success, { collector: 'ok' })).toBe(1);
  });

  it('a collector past the deadline is aborted, contributes nothing, and the scrape answers on time', async () => {
    let sawAbort = false;
    const slow = defineCollector({
      name: 'slow', help: 'never finishes in time', defaultEnabled: true,
      async collect(ctx, out) {
        out.gauge('demo_slow', 'partial', 1);
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => { sawAbort = true; resolve(); }));
        await new Promise((r) => setTimeout(r, 50));
      },
    });
    // `slow` only returns once aborted, so this resolving at all shows the deadline fired.
    const families = await runScrape({ collectors: [slow, gaugeCollector('fast', 1)], target: undefined, timeoutMs: 200, collectorMetrics: NAMES });
    expect(sawAbort).toBe(true);
    expect(families.find((f) => f.name === 'demo_slow')).toBeUndefined();
    expect(value(families, NAMES.success, { collector: 'slow' })).toBe(0);
    expect(value(families, NAMES.success, { collector: 'fast' })).toBe(1);
  });

  it('NoDataError counts as success with no samples by default', async () => {
    const absent = defineCollector({
      name: 'absent', help: 'no such hardware', defaultEnabled: true,
      async collect() { throw new NoDataError('no hardware'); },
    });
    const families = await runScrape({ collectors: [absent], target: undefined, timeoutMs: 1000, collectorMetrics: NAMES });
    expect(value(families, NAMES.success, { collector: 'absent' })).toBe(1);
    expect(families.map((f) => f.name).sort()).toEqual([NAMES.duration, NAMES.success]);
  });

  it('NoDataError reports success 0 with noDataSuccess: 0 (node_exporter ErrNoData), logged at debug only', async () => {
    const absent = defineCollector({
      name: 'absent', help: 'no such hardware', defaultEnabled: true,
      async collect() { throw new NoDataError('no hardware'); },
    });
    const present = gaugeCollector('present', 3);
    const lines: Array<{ level: string; msg: string }> = [];
    const logger = createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(JSON.parse(l) as { level: string; msg: string }) });
    const families = await runScrape({ collectors: [absent, present], target: undefined, timeoutMs: 1000, collectorMetrics: { ...NAMES, noDataSuccess: 0 }, logger });
    expect(value(families, NAMES.success, { collector: 'absent' })).toBe(0);
    expect(value(families, NAMES.success, { collector: 'present' })).toBe(1);
    expect(lines.filter((l) => l.msg === 'collector returned no data').map((l) => l.level)).toEqual(['debug']);
    expect(lines.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });

  it('concurrent scrapes never share or interleave state', async () => {
    // The collector yields between writes; with shared state two scrapes would mix their values.
    let counter = 0;
    const racy = defineCollector<{ id: number }>({
      name: 'racy', help: 'yields between writes', defaultEnabled: true,
      async collect(ctx, out) {
        const mine = ++counter;
        for (let i = 0; i < 20; i++) {
          out.gauge('demo_item', 'per scrape', ctx.target.id * 1000 + mine, { i: String(i) });
          await new Promise((r) => setImmediate(r));
        }
      },
    });
    const scrapes = await Promise.all([1, 2, 3, 4].map((id) =>
      runScrape({ collectors: [racy], target: { id }, timeoutMs: 2000 })));
    scrapes.forEach((families, idx) => {
      const values = new Set(families.find((f) => f.name === 'demo_item')!.samples.map((s) => s.value));
      expect(values.size).toBe(1);
      expect(Math.floor([...values][0]! / 1000)).toBe(idx + 1);
      expect(families.find((f) => f.name === 'demo_item')!.samples).toHaveLength(20);
    });
  });

  it('passes the target and a logger to collectors', async () => {
    const seen: unknown[] = [];
    const c = defineCollector<string>({
      name: 't', help: 'h', defaultEnabled: true,
      async collect(ctx, out) { seen.push(ctx.target); ctx.logger.debug('x'); out.gauge('demo_t', 'h', 1); },
    });
    await runScrape({ collectors: [c], target: 'db-handle', timeoutMs: 1000, logger: silentLogger });
    expect(seen).toEqual(['db-handle']);
  });
});

describe('collectOnce', () => {
  it('returns what the collector wrote and propagates errors', async () => {
    expect((await collectOnce(gaugeCollector('x', 7), undefined))[0]!.samples[0]!.value).toBe(7);
    const failing = defineCollector({ name: 'f', help: 'h', defaultEnabled: true, async collect() { throw new Error('nope'); } });
    await expect(collectOnce(failing, undefined)).rejects.toThrow('nope');
  });
});
