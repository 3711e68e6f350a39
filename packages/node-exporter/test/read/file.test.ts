import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAttr, readProcFile, readSysfsFile, readTextIfExists } from '../../src/read/index.js';

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
