import { describe, expect, it } from 'vitest';
import { parseSlabinfo } from '../../src/procfs/slabinfo.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const VERSION = 'slabinfo - version: 2.1\n';

describe('slabinfo parser', () => {
  it('reads every cache of the fixture in file order, skipping the version and "# name" header lines', () => {
    expect(parseSlabinfo(readFixture('proc/slabinfo'))).toEqual([
      { name: 'ext4_inode_cache', activeObjects: 41020, objects: 42120, objectSizeBytes: 1176, objectsPerSlab: 27, pagesPerSlab: 8 },
      { name: 'dentry', activeObjects: 120331, objects: 121128, objectSizeBytes: 192, objectsPerSlab: 21, pagesPerSlab: 1 },
      { name: 'kmalloc-8k', activeObjects: 308, objects: 320, objectSizeBytes: 8192, objectsPerSlab: 4, pagesPerSlab: 8 },
    ]);
  });

  it('trims lines, skips blank and comment lines and needs only the first six columns', () => {
    const text = `slabinfo - version: 2.0 (statistics)\n\n  # name <active_objs>\n \t \n  kmalloc-64\t 5 6  64 64 1 \r\nx 1 2 3 4 5\n`;
    expect(parseSlabinfo(text)).toEqual([
      { name: 'kmalloc-64', activeObjects: 5, objects: 6, objectSizeBytes: 64, objectsPerSlab: 64, pagesPerSlab: 1 },
      { name: 'x', activeObjects: 1, objects: 2, objectSizeBytes: 3, objectsPerSlab: 4, pagesPerSlab: 5 },
    ]);
  });

  it('gives no caches for a version line alone', () => {
    expect(parseSlabinfo('slabinfo - version: 2.1')).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['version 1.1', 'slabinfo - version: 1.1\n'],
    ['version 21 without a dot', 'slabinfo - version: 21\n'],
    ['a version line not at the start', ' slabinfo - version: 2.1\n'],
    ['a version line after a blank line', '\nslabinfo - version: 2.1\n'],
    ['no version line', 'dentry 1 2 3 4 5\n'],
  ])('refuses %s: unsupported version', (_what, text) => {
    expectParseError(() => parseSlabinfo(text), 'slabinfo: unsupported version line');
  });

  it.each([
    ['five columns', 'dentry 1 2 3 4\n', 'slabinfo line 2: unexpected "dentry 1 2 3 4"'],
    ['a word among the numbers', 'dentry 1 2 x 4 5\n', 'slabinfo line 2: unexpected "dentry 1 2 x 4 5"'],
    ['a negative number', 'dentry 1 2 3 4 -5\n', 'slabinfo line 2: unexpected "dentry 1 2 3 4 -5"'],
    ['a leading letter', 'dentry a1 2 3 4 5\n', 'slabinfo line 2: unexpected "dentry a1 2 3 4 5"'],
    ['a trailing letter', 'dentry 1a 2 3 4 5\n', 'slabinfo line 2: unexpected "dentry 1a 2 3 4 5"'],
    ['a line after blank ones (numbered in the file, quoted trimmed, cut at 60)', `\n\n  ${'n'.repeat(70)} 1\n`, `slabinfo line 4: unexpected "${'n'.repeat(60)}"`],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseSlabinfo(VERSION + text), message);
  });
});

describe('slabinfo parser under garbage input', () => {
  itSurvivesGarbage('slabinfo', 'slabinfo - version: 2.1\n# name\ndentry 1 2 192 21 1 : tunables 0 0 0 : slabdata 1 1 0\n', parseSlabinfo);
});
