import { describe, expect, it } from 'vitest';
import { capMallocArenas, loadNativeHeap, nativeHeapKeeper, trimScheduler } from '../../src/syscall/native-heap.js';

/** Timers under test control: what is scheduled, when it fires, and whether it was unref'd. */
function manualTimers() {
  const queue: Array<{ fn: () => void; ms: number; unrefed: boolean }> = [];
  return {
    queue,
    timers: {
      setTimeout: ((fn: () => void, ms: number) => {
        const entry = { fn, ms, unrefed: false };
        queue.push(entry);
        return { unref: () => { entry.unrefed = true; } };
      }) as unknown as typeof setTimeout,
      clearTimeout: (() => undefined) as unknown as typeof clearTimeout,
    },
    fireAll() {
      for (const e of queue.splice(0)) e.fn();
    },
  };
}

describe('malloc trim scheduling', () => {
  it('keeps at most one trim pending, after the delay, on a timer that never holds the process', () => {
    const t = manualTimers();
    let calls = 0;
    const s = trimScheduler(() => { calls++; }, 250, t.timers);
    for (let i = 0; i < 10; i++) s.scrapeDone();
    expect(t.queue).toHaveLength(1);
    expect(t.queue[0]).toMatchObject({ ms: 250, unrefed: true });
    expect(calls).toBe(0);
    t.fireAll();
    expect(calls).toBe(1);
    expect(s.trims).toBe(1);
    // The next scrape after a trim schedules the next one.
    s.scrapeDone();
    s.scrapeDone();
    expect(t.queue).toHaveLength(1);
    t.fireAll();
    expect(calls).toBe(2);
  });

  it('waits while collectors are running, then trims', () => {
    const t = manualTimers();
    let calls = 0;
    const s = trimScheduler(() => { calls++; }, 50, t.timers);
    s.scrapeStarted();
    s.scrapeStarted();
    s.scrapeDone(); // one scrape still collecting
    t.fireAll();
    expect(calls).toBe(0);
    expect(t.queue).toHaveLength(1); // re-armed
    s.scrapeDone();
    t.fireAll();
    expect(calls).toBe(1);
    expect(t.queue).toHaveLength(0);
  });

  it('leaves the arena count to the user when MALLOC_ARENA_MAX or a glibc tunable says so', async () => {
    expect(await capMallocArenas({ MALLOC_ARENA_MAX: '4' })).toBe(false);
    expect(await capMallocArenas({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(false);
  });
});

const glibc = process.platform === 'linux'
  && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime);

describe('glibc malloc calls (this host)', () => {
  it.runIf(glibc)('binds malloc_trim and mallopt through koffi', async () => {
    const heap = await loadNativeHeap();
    expect(heap).not.toBeInstanceOf(Error);
    if (heap instanceof Error) return;
    // mallopt returns 1 on success.
    expect(heap.capArenas(8)).toBe(true);
    // Free some native memory, then trim: the call returns whether pages went back (either is fine).
    let bufs: Buffer[] | undefined = Array.from({ length: 64 }, () => Buffer.allocUnsafeSlow(64 * 1024).fill(1));
    expect(bufs.length).toBe(64);
    bufs = undefined;
    expect(typeof heap.trim()).toBe('boolean');
    const keeper = await nativeHeapKeeper();
    expect(keeper?.trims).toBe(0);
  });

  it.runIf(!glibc)('reports the calls as unavailable off glibc', async () => {
    expect(await loadNativeHeap()).toBeInstanceOf(Error);
    expect(await nativeHeapKeeper()).toBeUndefined();
  });
});
