import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoDataError } from '@scrapekit/exporter-kit';
import { listDir, listFeatureDir, readAttrLenient, readFeatureFile } from '../../src/read/optional.js';

const dir = mkdtempSync(join(tmpdir(), 'read-optional-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reads under the "no data" rules', () => {
  it('a collector\'s missing root file or directory is NoDataError; present ones are read or listed sorted', async () => {
    writeFileSync(join(dir, 'feature'), 'x 1\n');
    mkdirSync(join(dir, 'class', 'b'), { recursive: true });
    mkdirSync(join(dir, 'class', 'a'), { recursive: true });
    const signal = new AbortController().signal;
    expect(await readFeatureFile(join(dir, 'feature'), signal, 'test')).toBe('x 1\n');
    await expect(readFeatureFile(join(dir, 'nope'), signal, 'test')).rejects.toBeInstanceOf(NoDataError);
    expect(await listFeatureDir(join(dir, 'class'), 'test')).toEqual(['a', 'b']);
    await expect(listFeatureDir(join(dir, 'nope'), 'test')).rejects.toBeInstanceOf(NoDataError);
    expect(await listDir(join(dir, 'nope'))).toBeUndefined();
  });

  it('other errors are real failures, never "no data"', async () => {
    const signal = new AbortController().signal;
    const err = await readFeatureFile(join(dir, 'class'), signal, 'test').then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'EISDIR' });
    expect(err).not.toBeInstanceOf(NoDataError);
    await expect(readAttrLenient(join(dir, 'class'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readAttrLenient(join(dir, 'nope'))).toBeUndefined();
  });

  it('an aborted scrape stops before opening anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('scrape deadline'));
    await expect(readFeatureFile(join(dir, 'feature'), controller.signal, 'test')).rejects.toThrow('scrape deadline');
  });
});
