import { describe, expect, it } from 'vitest';
import { applyRuntime } from '../src/launch.js';

const glibc = process.platform === 'linux'
  && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime);

describe('applyRuntime (the launcher\'s runtime settings)', () => {
  it('without settings or SCRAPEKIT_MEMORY leaves V8 alone and offers no post-scrape GC', async () => {
    const hooks = await applyRuntime({}, {});
    expect(hooks.postScrapeGc).toBeUndefined();
    expect(hooks.nativeHeapTrim).toBeUndefined();
    expect(hooks.summary).toEqual({ heap_tuning: 'none (V8 defaults)', native_heap_trim: false });
  });

  it('tunes the heap, sets up the native heap and hands its trim to the housekeeping', async () => {
    const hooks = await applyRuntime({
      heap: { youngGenerationCapBytes: 4 << 20, oldGenerationStepBytes: 4 << 20, extraFlags: ['--optimize-for-size'] },
      nativeHeapTrim: glibc,
    }, {});
    // On this glibc host the trim is malloc_trim through koffi: it answers whether pages went back.
    expect(typeof hooks.nativeHeapTrim?.()).toBe(glibc ? 'boolean' : 'undefined');
    expect(hooks.postScrapeGc).toBeTypeOf('function');
    expect(hooks.summary).toEqual({
      heap_tuning: 'applied', memory_profile: 'default', young_generation_cap_bytes: 4 << 20, heap_growing_percent: 50,
      old_generation_step_bytes: 4 << 20, v8_flags: '--optimize-for-size', native_heap_trim: glibc,
    });
  });

  it('heap flags the user gave node win: nothing is tuned, and the summary says so', async () => {
    const hooks = await applyRuntime({ heap: {} }, { NODE_OPTIONS: '--max-semi-space-size=8' });
    expect(hooks.postScrapeGc).toBeUndefined();
    expect(hooks.summary?.heap_tuning).toBe('left to the heap flags given to node');
  });

  it('an unknown SCRAPEKIT_MEMORY is one line naming the variable and the fix', async () => {
    await expect(applyRuntime({ nativeHeapTrim: true }, { SCRAPEKIT_MEMORY: 'tiny' }))
      .rejects.toThrow(/^SCRAPEKIT_MEMORY=tiny is not a memory profile; use SCRAPEKIT_MEMORY=low or leave it unset$/);
  });
});
