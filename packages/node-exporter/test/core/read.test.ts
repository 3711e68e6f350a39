import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProcFile, readSysfsFile, readSysfsIfExists, readTextIfExists } from '../../src/context.js';

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
});
