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
  it('binds malloc_trim and mallopt through koffi', async ({ skip }) => {
    skip(!glibc, 'this host\'s C library is not glibc: the off-glibc test below runs instead');
    const heap = await loadNativeHeap();
    expect(heap).not.toBeInstanceOf(Error);
    if (heap instanceof Error) throw heap;
    // mallopt returns 1 on success; without an operator's setting the cap is applied.
    expect(heap.capArenas(8)).toBe(true);
    expect(await capMallocArenas({})).toBe(true);
    // malloc_trim returns whether pages went back (either is fine); a broken binding throws.
    expect(typeof heap.trim()).toBe('boolean');
  });

  it('reports the calls as unavailable off glibc', async ({ skip }) => {
    skip(glibc, 'this host runs glibc: the binding test above runs instead');
    expect(await loadNativeHeap()).toBeInstanceOf(Error);
    expect(await capMallocArenas({})).toBe(false);
  });
});
