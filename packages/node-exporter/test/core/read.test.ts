import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProcFile, readSysfsFile, readSysfsIfExists, readTextIfExists } from '../../src/context.js';
import { readAttrs, readSmall } from '../../src/collectors/sysfs-read.js';
import { fields } from '../../src/procfs/errors.js';

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

  it('read procfs files whose reads return a page at a time', async () => {
    if (process.platform !== 'linux') return;
    expect(await readProcFile('/proc/self/mountinfo')).toBe(readFileSync('/proc/self/mountinfo', 'utf8'));
  });

  it('missing files are undefined, other errors throw, an aborted signal stops the read', async () => {
    expect(await readTextIfExists(join(dir, 'nope'))).toBeUndefined();
    expect(await readSysfsIfExists(join(dir, 'nope'))).toBeUndefined();
    await expect(readProcFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    const aborted = AbortSignal.abort();
    await expect(readProcFile(join(dir, 'small'), aborted)).rejects.toThrow();
  });

  it('reads in flight at once never share a pooled buffer', async () => {
    const names = Array.from({ length: 80 }, (_, i) => `f${i}`);
    for (const [i, n] of names.entries()) writeFileSync(join(dir, n), `${n}:${'v'.repeat(i * 97)}\n`);
    const got = await Promise.all(names.flatMap((n) => [readProcFile(join(dir, n)), readSysfsFile(join(dir, n)), readSmall(join(dir, n))]));
    names.forEach((n, i) => {
      const want = readFileSync(join(dir, n), 'utf8');
      expect([got[3 * i], got[3 * i + 1], got[3 * i + 2]]).toEqual([want, want, want]);
    });
  });
});

describe('readAttrs', () => {
  it('keeps the asked order, maps absent attributes to undefined and fails on other errors', async () => {
    const attrs = join(dir, 'attrs');
    mkdirSync(join(attrs, 'sub'), { recursive: true });
    const names = Array.from({ length: 40 }, (_, i) => `a${i}`);
    for (const n of names) writeFileSync(join(attrs, n), `${n}\n`);
    const got = await readAttrs(attrs, ['a7', 'missing', ...names.slice(0, 7)]);
    expect(Object.keys(got)).toEqual(['a7', 'missing', ...names.slice(0, 7)]);
    expect(got.missing).toBeUndefined();
    expect(got.a7).toBe('a7\n');
    const all = await readAttrs(attrs, names);
    expect(Object.values(all)).toEqual(names.map((n) => `${n}\n`));
    await expect(readAttrs(attrs, ['a1', 'sub', 'a2'])).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readAttrs(attrs, [])).toEqual({});
    await expect(readAttrs(attrs, ['a1'], AbortSignal.abort())).rejects.toThrow();
  });
});

describe('fields', () => {
  it('splits exactly as trim().split(/\\s+/) does, Unicode spaces included', () => {
    const ref = (line: string): string[] => (line.trim() === '' ? [] : line.trim().split(/\s+/));
    const alphabet = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', 'a', 'b', '1', '-'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 3000; k++) {
      let line = '';
      for (let j = next() % 12; j > 0; j--) line += alphabet[next() % alphabet.length];
      expect(fields(line)).toEqual(ref(line));
    }
    expect(fields('  cpu0 1  2\t3 ')).toEqual(['cpu0', '1', '2', '3']);
  });
});
