import { describe, expect, it } from 'vitest';
import { parseBase2Bytes, parseCommandLine, SizeSyntaxError } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

// kingpin's Bytes() = alecthomas/units ParseBase2Bytes: KB and KiB are both 1024; "kB" is rejected.
describe('size kind: parseBase2Bytes', () => {
  it.each<[string, number]>([
    ['0', 0], ['1B', 1], ['1KB', 1024], ['1KiB', 1024], ['1MB', 1024 ** 2], ['1MiB', 1024 ** 2], ['512MB', 512 * 1024 ** 2],
    ['1GiB', 1024 ** 3], ['1.5GB', 1.5 * 1024 ** 3], ['2TB', 2 * 1024 ** 4], ['1PiB', 1024 ** 5], ['1EB', 1024 ** 6],
    ['1MiB512KiB', 1024 ** 2 + 512 * 1024], ['.5KB', 512], ['-1KB', -1024],
  ])('%j → %d bytes', (text, bytes) => expect(parseBase2Bytes(text)).toBe(bytes));
  it.each(['', '1024', '1kB', '1kb', '1 KB', 'KB', '1XB', '1K', '.KB'])('rejects %j', (text) => expect(() => parseBase2Bytes(text)).toThrow(SizeSyntaxError));

  it('a size flag receives bytes', () => {
    const spec = demoSpec([{ name: 'demo.max', kind: 'size', default: '1MB', description: 'Cap.' }]);
    expect(parseCommandLine(spec, [], {}).flags['demo.max']).toBe(1024 ** 2);
    expect(parseCommandLine(spec, ['--demo.max=2KiB'], {}).flags['demo.max']).toBe(2048);
    expect(() => parseCommandLine(spec, ['--demo.max=2kB'], {})).toThrow(/^--demo.max: unknown unit "kB" in size "2kB"/);
  });
});
