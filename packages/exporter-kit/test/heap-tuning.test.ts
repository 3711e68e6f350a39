import { describe, expect, it } from 'vitest';
import {
  LOW_MEMORY_TUNING, YOUNG_GENERATION_CAP_BYTES, chooseTuning, oldGenerationGovernor, postScrapeGc, tuneHeap, userChoseHeapFlags, youngGenerationGovernor,
} from '../src/heap-tuning.js';
import { scrapeHousekeeping, trimScheduler } from '../src/housekeeping.js';

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

  it('low: small young generation, 30% growth, a 2 MB old-generation step, no optimising compiler, and the exporter flags kept', () => {
    const low = chooseTuning(own, { SCRAPEKIT_MEMORY: 'low' });
    expect(low).toEqual({
      youngGenerationCapBytes: LOW_MEMORY_TUNING.youngGenerationCapBytes, heapGrowingPercent: 30, oldGenerationStepBytes: 2 << 20, extraFlags: ['--optimize-for-size', '--max-opt=1'],
    });
    expect(low.youngGenerationCapBytes).toBeLessThan(YOUNG_GENERATION_CAP_BYTES);
  });

  it('an unknown value is one line naming the variable and the fix', () => {
    expect(() => chooseTuning(own, { SCRAPEKIT_MEMORY: 'tiny' })).toThrow(/^SCRAPEKIT_MEMORY=tiny is not a memory profile; use SCRAPEKIT_MEMORY=low or leave it unset$/);
  });
});

describe('old generation governor', () => {
  it('asks for a full GC once old space grew the step over its lowest point since the last one', () => {
    let used = 10 << 20;
    const grown = oldGenerationGovernor(() => used, 4 << 20);
    used = 13 << 20;
    expect(grown()).toBe(false);
    used = 9 << 20; // V8 collected by itself: the mark follows it down
    expect(grown()).toBe(false);
    used = 12 << 20;
    expect(grown()).toBe(false);
    used = 13 << 20;
    expect(grown()).toBe(true);
    // After the full GC the mark is wherever old space now stands.
    used = 9.5 * (1 << 20);
    expect(grown()).toBe(false);
    used = 13 << 20;
    expect(grown()).toBe(false);
    used = 14 << 20;
    expect(grown()).toBe(true);
  });
});

/** Resolves at the first GC of `kind` (a perf_hooks NODE_PERFORMANCE_GC_* constant). */
async function gcSeen(kind: 'minor' | 'major'): Promise<void> {
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  const wanted = kind === 'minor' ? constants.NODE_PERFORMANCE_GC_MINOR : constants.NODE_PERFORMANCE_GC_MAJOR;
  return new Promise<void>((resolve) => {
    const obs = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => (e.detail as { kind: number }).kind === wanted)) {
        obs.disconnect();
        resolve();
      }
    });
    obs.observe({ entryTypes: ['gc'] });
  });
}

describe('GC after a scrape', () => {
  it('a full GC follows the minor one only when the governor says old space grew the step', async () => {
    let used = 10 << 20;
    const gc = postScrapeGc(4 << 20, () => used);
    expect(gc).toBeTypeOf('function');
    const majors: number[] = [];
    const { PerformanceObserver, constants } = await import('node:perf_hooks');
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e.detail as { kind: number }).kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(e.startTime);
    });
    obs.observe({ entryTypes: ['gc'] });
    try {
      gc?.();
      used = 15 << 20;
      const major = gcSeen('major');
      gc?.();
      await major;
      // Old space still where the full GC left it: the next scrapes get minor GCs only. GC
      // entries arrive in order, so once this minor one is seen, any full one before it was too.
      gc?.();
      const minor = gcSeen('minor');
      gc?.();
      await minor;
      expect(majors).toHaveLength(1);
    } finally {
      obs.disconnect();
    }
  });

  it('without a step, never more than the minor GC', async () => {
    const gc = postScrapeGc(undefined, () => Number.MAX_SAFE_INTEGER);
    const { PerformanceObserver, constants } = await import('node:perf_hooks');
    const kinds: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kinds.push((e.detail as { kind: number }).kind);
    });
    obs.observe({ entryTypes: ['gc'] });
    try {
      const minor = gcSeen('minor');
      gc?.();
      await minor;
      expect(kinds).not.toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
    } finally {
      obs.disconnect();
    }
  });

  it('runs one real minor GC per burst of finished scrapes, from the event loop, once the heap is tuned', async () => {
    const t = manualTimers();
    expect(tuneHeap({}, [], undefined, {})).toBe(true);
    const gc = postScrapeGc();
    expect(gc).toBeTypeOf('function');
    // gc() is not left on the global object.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const housekeeping = scrapeHousekeeping({ postScrapeGc: gc }, t.timers);
    housekeeping.scrapeStarted();
    housekeeping.scrapeStarted();
    housekeeping.scrapeEnded();
    housekeeping.scrapeEnded();
    expect(t.immediates).toHaveLength(1); // coalesced
    const minorGcSeen = gcSeen('minor');
    t.fireImmediates();
    await minorGcSeen;
    // The next scrape ending schedules the next one.
    housekeeping.scrapeEnded();
    expect(t.immediates).toHaveLength(1);
  });

  it('does nothing without the runtime hooks (a server started without the launcher)', () => {
    const t = manualTimers();
    const housekeeping = scrapeHousekeeping({}, t.timers);
    housekeeping.scrapeStarted();
    housekeeping.scrapeEnded();
    expect(t.immediates).toHaveLength(0);
    expect(t.queue).toHaveLength(0);
  });
});

describe('housekeeping per pipeline', () => {
  it('one pipeline\'s running scrape does not hold off another pipeline\'s trim', () => {
    const t = manualTimers();
    const trims: string[] = [];
    const a = scrapeHousekeeping({ nativeHeapTrim: () => trims.push('a') }, t.timers);
    const b = scrapeHousekeeping({ nativeHeapTrim: () => trims.push('b') }, t.timers);
    a.scrapeStarted();
    b.scrapeStarted();
    b.scrapeEnded(); // a is still scraping
    t.fireAll();
    expect(trims).toEqual(['b']);
    expect([a.trims, b.trims]).toEqual([0, 1]);
    a.scrapeEnded();
    t.fireAll();
    expect(trims).toEqual(['b', 'a']);
  });
});

/** Timers under test control: what is scheduled, when it fires, and whether it was unref'd. */
function manualTimers() {
  const queue: Array<{ fn: () => void; ms: number; unrefed: boolean }> = [];
  const immediates: Array<() => void> = [];
  return {
    queue,
    immediates,
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const entry = { fn, ms, unrefed: false };
        queue.push(entry);
        return { unref: () => { entry.unrefed = true; } };
      },
      setImmediate: (fn: () => void) => immediates.push(fn),
    },
    fireAll() {
      for (const e of queue.splice(0)) e.fn();
    },
    fireImmediates() {
      for (const fn of immediates.splice(0)) fn();
    },
  };
}

describe('native heap trim after scrapes', () => {
  it('keeps at most one trim pending, after the delay, on a timer that never holds the process', () => {
    const t = manualTimers();
    let calls = 0;
    const s = trimScheduler(() => { calls++; }, () => false, 250, t.timers);
    for (let i = 0; i < 10; i++) s.scrapeEnded();
    expect(t.queue).toHaveLength(1);
    expect(t.queue[0]).toMatchObject({ ms: 250, unrefed: true });
    expect(calls).toBe(0);
    t.fireAll();
    expect(calls).toBe(1);
    expect(s.trims).toBe(1);
    // The next scrape after a trim schedules the next one.
    s.scrapeEnded();
    s.scrapeEnded();
    expect(t.queue).toHaveLength(1);
    t.fireAll();
    expect(calls).toBe(2);
  });

  it('waits while a scrape is running, then trims', () => {
    const t = manualTimers();
    let calls = 0;
    let running = 1;
    const s = trimScheduler(() => { calls++; }, () => running > 0, 50, t.timers);
    s.scrapeEnded();
    t.fireAll();
    expect(calls).toBe(0);
    expect(t.queue).toHaveLength(1); // re-armed
    running = 0;
    t.fireAll();
    expect(calls).toBe(1);
    expect(t.queue).toHaveLength(0);
  });
});
