import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pooledDirectories, readAttr, readAttrs, readDirNames, readPolicy, readProcFile, readSysfsFile, readTextIfExists } from '../../src/read/index.js';

const dir = mkdtempSync(join(tmpdir(), 'read-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file readers', () => {
  it('read whole files of any size, growing the buffer', async () => {
    const big = 'x'.repeat(100_000) + '\nend\n';
    writeFileSync(join(dir, 'big'), big);
    writeFileSync(join(dir, 'small'), '42\n');
    expect(await readProcFile(join(dir, 'big'))).toBe(big);
    expect(await readSysfsFile(join(dir, 'big'))).toBe(big);
    expect(await readSysfsFile(join(dir, 'small'))).toBe('42\n');
  });

  it.skipIf(process.platform !== 'linux')('read procfs files whose reads return a page at a time', async () => {
    expect(await readProcFile('/proc/self/mountinfo')).toBe(readFileSync('/proc/self/mountinfo', 'utf8'));
  });

  it('missing files are undefined, other errors throw, an aborted signal stops the read', async () => {
    expect(await readTextIfExists(join(dir, 'nope'))).toBeUndefined();
    expect(await readAttr(join(dir, 'nope'))).toBeUndefined();
    await expect(readProcFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    const aborted = AbortSignal.abort();
    await expect(readProcFile(join(dir, 'small'), aborted)).rejects.toThrow();
  });

  it('reads in flight at once never share a pooled buffer', async () => {
    const names = Array.from({ length: 80 }, (_, i) => `f${i}`);
    for (const [i, n] of names.entries()) writeFileSync(join(dir, n), `${n}:${'v'.repeat(i * 97)}\n`);
    const got = await Promise.all(names.flatMap((n) => [readProcFile(join(dir, n)), readSysfsFile(join(dir, n)), readAttr(join(dir, n))]));
    names.forEach((n, i) => {
      const want = readFileSync(join(dir, n), 'utf8');
      expect([got[3 * i], got[3 * i + 1], got[3 * i + 2]]).toEqual([want, want, want]);
    });
  });
});

describe('where reads run (readPolicy)', () => {
  const realNow = readPolicy.now;
  afterEach(() => {
    readPolicy.now = realNow;
    readPolicy.onSlowDirectory = undefined;
  });

  it('reads synchronously until a read in a directory is slow, then reads that directory on the pool, telling once', async () => {
    const fast = mkdtempSync(join(dir, 'fast-'));
    const slow = mkdtempSync(join(dir, 'slow-'));
    for (const d of [fast, slow]) {
      writeFileSync(join(d, 'a'), 'A\n');
      writeFileSync(join(d, 'b'), 'B\n');
    }
    const told: string[] = [];
    readPolicy.onSlowDirectory = (d, ms) => told.push(`${d} ${ms}`);
    // Earlier tests read under the real clock: on a loaded machine one of their directories may
    // have moved to the pool already. Only what this test moves counts.
    const pooledBefore = new Set(pooledDirectories());
    const pooledNow = (): string[] => [...pooledDirectories()].filter((d) => !pooledBefore.has(d));
    // A clock under which every read in `slow` takes 10 ms and every other one 0.5 ms.
    let clock = 0;
    let nextReadIn = '';
    readPolicy.now = () => {
      clock += nextReadIn === slow ? 10 : 0.5;
      return clock;
    };
    nextReadIn = fast;
    expect(await readSysfsFile(join(fast, 'a'))).toBe('A\n');
    nextReadIn = slow;
    expect(await readSysfsFile(join(slow, 'a'))).toBe('A\n');
    expect(pooledNow()).toEqual([slow]);
    expect(told).toEqual([`${slow} 10`]);

    // On the pool now: reads there still return the files, and other directories stay synchronous.
    expect(await readProcFile(join(slow, 'b'))).toBe('B\n');
    expect(await readAttrs(slow, ['a', 'b', 'missing'])).toEqual({ a: 'A\n', b: 'B\n', missing: undefined });
    expect(told).toHaveLength(1);
    nextReadIn = fast;
    expect(await readAttrs(fast, ['a', 'b'])).toEqual({ a: 'A\n', b: 'B\n' });
    expect(pooledNow()).toEqual([slow]);
  });

  it('a batch of synchronous reads returns every attribute, and stops at the first real error', async () => {
    const many = mkdtempSync(join(dir, 'many-'));
    const names = Array.from({ length: 40 }, (_, i) => `attr${i}`);
    for (const n of names) writeFileSync(join(many, n), `${n}\n`);
    const got = await readAttrs(many, names);
    expect(Object.entries(got)).toEqual(names.map((n) => [n, `${n}\n`]));
    mkdirSync(join(many, 'sub'));
    await expect(readAttrs(many, ['attr0', 'sub', 'attr1'])).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('lists directories under the same policy', async () => {
    const listed = mkdtempSync(join(dir, 'list-'));
    writeFileSync(join(listed, 'z'), '');
    writeFileSync(join(listed, 'y'), '');
    expect((await readDirNames(listed)).sort()).toEqual(['y', 'z']);
    await expect(readDirNames(join(listed, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
