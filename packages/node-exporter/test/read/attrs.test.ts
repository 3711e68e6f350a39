import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAttrs } from '../../src/read/attrs.js';

const dir = mkdtempSync(join(tmpdir(), 'read-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
