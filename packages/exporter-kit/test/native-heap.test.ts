import { describe, expect, it } from 'vitest';
import { capMallocArenas, loadNativeHeap } from '../src/native-heap.js';

describe('malloc arenas', () => {
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
    if (heap instanceof Error) throw heap;
    // mallopt returns 1 on success; without an operator's setting the cap is applied.
    expect(heap.capArenas(8)).toBe(true);
    expect(await capMallocArenas({})).toBe(true);
    // malloc_trim returns whether pages went back (either is fine); a broken binding throws.
    expect(typeof heap.trim()).toBe('boolean');
  });

  it.runIf(!glibc)('reports the calls as unavailable off glibc', async () => {
    expect(await loadNativeHeap()).toBeInstanceOf(Error);
    expect(await capMallocArenas({})).toBe(false);
  });
});
