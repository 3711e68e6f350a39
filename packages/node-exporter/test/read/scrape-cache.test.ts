import { describe, expect, it } from 'vitest';
import { defaultsContext } from '../fixture-tree.js';

describe('one read of /proc/stat per scrape', () => {
  it('cpu and stat share the read when they run in the same scrape', async () => {
    const { readProcFileOnce } = await import('../../src/read/scrape-cache.js');
    const ctx = defaultsContext();
    const scrape = new AbortController().signal;
    const a = readProcFileOnce(ctx.proc('stat'), scrape);
    expect(readProcFileOnce(ctx.proc('stat'), scrape)).toBe(a);
    expect(readProcFileOnce(ctx.proc('stat'), new AbortController().signal)).not.toBe(a);
    expect(await a).toContain('btime 1764000000');
  });
});
