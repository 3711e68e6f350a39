import { describe, expect, it } from 'vitest';
import { LOW_MEMORY_TUNING, YOUNG_GENERATION_CAP_BYTES, chooseTuning, scrapeFinished, tuneHeap, userChoseHeapFlags, youngGenerationGovernor } from '../src/heap-tuning.js';

describe('heap tuning of the launcher', () => {
  it('steps aside when the user sized the heap on the command line or in NODE_OPTIONS', () => {
    expect(userChoseHeapFlags([], undefined)).toBe(false);
    expect(userChoseHeapFlags(['--enable-source-maps'], '--max-old-space-size=200')).toBe(false);
    expect(userChoseHeapFlags(['--max-semi-space-size=2'], undefined)).toBe(true);
    expect(userChoseHeapFlags(['--max_semi_space_size=2'], undefined)).toBe(true);
    expect(userChoseHeapFlags([], '--optimize-for-size')).toBe(true);
    expect(userChoseHeapFlags([], '--inspect --semi-space-growth-factor=1')).toBe(true);
    expect(userChoseHeapFlags(['--heap-growing-percent=20'], '')).toBe(true);
  });
});

describe('young generation governor', () => {
  it('freezes growth at the cap and lets it grow again after V8 shrank it, setting the flag only on changes', () => {
    const flags: string[] = [];
    let size = 1 << 20;
    const check = youngGenerationGovernor(() => size, (f) => flags.push(f), 8 << 20);
    check();
    expect(flags).toEqual([]);
    size = 8 << 20;
    check();
    check();
    expect(flags).toEqual(['--semi-space-growth-factor=1']);
    size = 2 << 20; // the memory reducer shrank it while idle
    check();
    expect(flags).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
    size = 16 << 20;
    check();
    expect(flags.at(-1)).toBe('--semi-space-growth-factor=1');
    expect(flags).toHaveLength(3);
  });
});

describe('memory profile (SCRAPEKIT_MEMORY)', () => {
  const own = { youngGenerationCapBytes: 8 << 20, extraFlags: ['--optimize-for-size'] };

  it('keeps the exporter own tuning unless the environment asks for the memory-first profile', () => {
    expect(chooseTuning(own, {})).toBe(own);
    expect(chooseTuning(own, { SCRAPEKIT_MEMORY: '' })).toBe(own);
    expect(chooseTuning(own, { SCRAPEKIT_MEMORY: 'default' })).toBe(own);
  });

  it('low: small young generation, 30% growth, no optimising compiler, and the exporter flags kept', () => {
    const low = chooseTuning(own, { SCRAPEKIT_MEMORY: 'low' });
    expect(low).toEqual({ youngGenerationCapBytes: LOW_MEMORY_TUNING.youngGenerationCapBytes, heapGrowingPercent: 30, extraFlags: ['--optimize-for-size', '--max-opt=1'] });
    expect(low.youngGenerationCapBytes).toBeLessThan(YOUNG_GENERATION_CAP_BYTES);
  });

  it('an unknown value is one line naming the variable and the fix', () => {
    expect(() => chooseTuning(own, { SCRAPEKIT_MEMORY: 'tiny' })).toThrow(/^SCRAPEKIT_MEMORY=tiny is not a memory profile; use SCRAPEKIT_MEMORY=low or leave it unset$/);
  });
});

describe('young-generation GC after a scrape', () => {
  it('is a no-op until tuneHeap applied its settings, then runs one minor GC per burst of finished scrapes', async () => {
    const { PerformanceObserver, constants } = await import('node:perf_hooks');
    const kinds: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kinds.push((e.detail as { kind: number }).kind);
    });
    obs.observe({ entryTypes: ['gc'] });
    const settle = async () => {
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 20));
    };
    try {
      // Before tuneHeap: nothing is collected on our account.
      scrapeFinished();
      await settle();
      const before = kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MINOR).length;
      expect(tuneHeap({}, [], undefined, {})).toBe(true);
      scrapeFinished();
      scrapeFinished();
      scrapeFinished();
      await settle();
      const minor = kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MINOR).length - before;
      expect(minor).toBeGreaterThanOrEqual(1);
      expect(minor).toBeLessThanOrEqual(2); // coalesced (a second one only if V8 needed one itself)
      // gc() is not left on the global object.
      expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    } finally {
      obs.disconnect();
    }
  });
});
