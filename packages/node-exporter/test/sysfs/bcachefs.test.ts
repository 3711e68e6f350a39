import { describe, expect, it } from 'vitest';
import { parseBcachefsErrors, parseBtreeWriteStats, parseCompressionStats, parseCounterFile, parseHumanBytes, parseIoDone, parseIoErrors } from '../../src/sysfs/bcachefs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const FS = 'sys/fs/bcachefs/c4e1a9d2-7b3f-4e58-a0c6-19d2e8f7b310';
const fixture = (name: string): string => readFixture(`${FS}/${name}`);

describe('bcachefs human-readable sizes', () => {
  // Powers of 1024 in either case; fractions truncated toward zero as Go's uint64(float) does.
  it.each([
    ['512', 512],
    ['0', 0],
    ['4.00k', 4096],
    ['4K', 4096],
    ['38.5M', 40370176],
    ['1.5m', 1572864],
    ['1.50G', 1610612736],
    ['2g', 2147483648],
    ['1.25T', 1374389534720],
    ['3t', 3298534883328],
    ['2P', 2251799813685248],
    ['1p', 1125899906842624],
    ['1E', 1152921504606846976],
    ['2e', 2305843009213693952],
    ['0.1k', 102],
    ['1.999k', 2046],
    [' \t38.5M\n', 40370176],
    ['4 k', 4096],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseHumanBytes(text)).toBe(bytes);
  });

  it.each([
    ['an empty string', '', 'bcachefs: empty size'],
    ['blanks only', ' \n', 'bcachefs: empty size'],
    ['a unit without a number', 'k', 'bcachefs: "k" is not a size'],
    ['a negative number', '-1', 'bcachefs: "-1" is not a size'],
    ['two decimal points', '1.5.5', 'bcachefs: "1.5.5" is not a size'],
    ['a point without digits after it', '1.k', 'bcachefs: "1.k" is not a size'],
    ['a point without digits before it', '.5M', 'bcachefs: ".5M" is not a size'],
    ['a unit that is not a power of 1024 letter, quoted without the blanks around it', ' 12MB\n', 'bcachefs: "12MB" is not a size'],
    ['a letter between digits', '1x5', 'bcachefs: "1x5" is not a size'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseHumanBytes(text), message);
  });
});

describe('bcachefs parsers', () => {
  it('reads compression_stats of the fixture, header skipped, average extent size ignored', () => {
    expect(parseCompressionStats(fixture('compression_stats'))).toEqual([
      { algorithm: 'lz4', compressed: 1610612736, uncompressed: 3489660928 },
      { algorithm: 'zstd', compressed: 536870912, uncompressed: 2147483648 },
      { algorithm: 'incompressible', compressed: 4294967296, uncompressed: 4294967296 },
    ]);
  });

  it('reads compression_stats lines of exactly three fields, indented or spread by blanks, and skips shorter ones', () => {
    expect(parseCompressionStats('type compressed uncompressed average extent size\n  lz4:   1k\t2k\nzstd: 5\n\n')).toEqual([
      { algorithm: 'lz4', compressed: 1024, uncompressed: 2048 },
    ]);
  });

  it('reads errors of the fixture as [type, count], the timestamp ignored', () => {
    expect(parseBcachefsErrors(fixture('errors'))).toEqual([['btree_node_read_error', 2], ['dirent_to_missing_inode', 1]]);
  });

  it('reads errors lines of two fields, indented or spread by blanks, and skips lines of one', () => {
    expect(parseBcachefsErrors('  journal_entry_bad   7\nlonely\n\nfsck_err\t3 1731800000\n')).toEqual([['journal_entry_bad', 7], ['fsck_err', 3]]);
  });

  it.each([
    ['btree_node_write', 880131],
    ['io_read', 1374389534720],
  ])('reads the "since filesystem creation" value of counters/%s', (name, value) => {
    expect(parseCounterFile(fixture(`counters/${name}`))).toBe(value);
  });

  it.each([
    ['only a "since mount" line', 'since mount: 12.0G\n', 0],
    ['only a "since filesystem creation" line', 'since filesystem creation: 3k', 3072],
    ['a "since filesystem creation" that does not start the line', 'since mount: 1\nnot since filesystem creation: 5\n', 0],
  ])('reads a counter file with %s', (_what, text, value) => {
    expect(parseCounterFile(text)).toBe(value);
  });

  it('reads btree_write_stats of the fixture', () => {
    expect(parseBtreeWriteStats(fixture('btree_write_stats'))).toEqual([
      { type: 'initial', count: 1201, sizeBytes: 40960 },
      { type: 'init_next_bset', count: 33, sizeBytes: 4096 },
      { type: 'cache_reclaim', count: 0, sizeBytes: 0 },
    ]);
  });

  it('skips the first line of btree_write_stats even with three fields, and lines shorter than three', () => {
    expect(parseBtreeWriteStats('type nr size\n  leaf:   7\t1.5k\nshort: 1\n\n')).toEqual([{ type: 'leaf', count: 7, sizeBytes: 1536 }]);
  });

  it('reads dev-0/io_done of the fixture by section', () => {
    expect(parseIoDone(fixture('dev-0/io_done'))).toEqual([
      { operation: 'read', dataType: 'sb', bytes: 12288 },
      { operation: 'read', dataType: 'journal', bytes: 0 },
      { operation: 'read', dataType: 'btree', bytes: 81264640 },
      { operation: 'read', dataType: 'user', bytes: 40201388032 },
      { operation: 'write', dataType: 'sb', bytes: 180224 },
      { operation: 'write', dataType: 'journal', bytes: 1207959552 },
      { operation: 'write', dataType: 'btree', bytes: 540016640 },
      { operation: 'write', dataType: 'user', bytes: 91221938176 },
    ]);
  });

  it('skips io_done lines before any section and lines without a colon; an indented section header counts; an empty type is kept', () => {
    expect(parseIoDone('sb : 5\n  read:  \nno colon\n: 7\n\nbtree:9\nwrite:\n  user  :  3')).toEqual([
      { operation: 'read', dataType: '', bytes: 7 },
      { operation: 'read', dataType: 'btree', bytes: 9 },
      { operation: 'write', dataType: 'user', bytes: 3 },
    ]);
  });

  it('reads only the "since filesystem creation" section of dev-0/io_errors of the fixture', () => {
    expect(parseIoErrors(fixture('dev-0/io_errors'))).toEqual([['read', 3], ['write', 0], ['checksum', 1]]);
  });

  it('skips io_errors lines before the section (its header may carry trailing blanks), blank lines and lines without a colon, and stops at the next section', () => {
    expect(parseIoErrors('stray: 9\nIO errors since filesystem creation  \n\n  no colon\n  : 4\n  read:\t3  \nIO errors since 2 d ago\n  read: 1\n')).toEqual([['', 4], ['read', 3]]);
  });

  it.each([
    ['errors: a count with a trailing letter', () => parseBcachefsErrors('x 1x'), 'bcachefs errors: "1x" is not a count'],
    ['errors: a negative count', () => parseBcachefsErrors('x -1 0'), 'bcachefs errors: "-1" is not a count'],
    ['compression_stats: a bad compressed size', () => parseCompressionStats('h\nlz4: 1x 2k'), 'bcachefs: "1x" is not a size'],
    ['compression_stats: a bad uncompressed size', () => parseCompressionStats('h\nlz4: 1k 2q'), 'bcachefs: "2q" is not a size'],
    ['a counter file without either line', () => parseCounterFile(''), 'bcachefs counter: format not recognised'],
    ['a counter file whose "since mount" does not start the line', () => parseCounterFile('x since mount: 5\n'), 'bcachefs counter: format not recognised'],
    ['a counter file with a bad "since mount" value', () => parseCounterFile('since mount: x\nsince filesystem creation: 5\n'), 'bcachefs: "x" is not a size'],
    ['a counter file with a bad "since filesystem creation" value', () => parseCounterFile('since filesystem creation: 1x'), 'bcachefs: "1x" is not a size'],
    ['btree_write_stats: a bad count', () => parseBtreeWriteStats('h\nx: 1x 4k'), 'bcachefs btree_write_stats: "1x" is not a count'],
    ['btree_write_stats: a bad size', () => parseBtreeWriteStats('h\nx: 1 4q'), 'bcachefs: "4q" is not a size'],
    ['io_done: a bad count', () => parseIoDone('read:\nsb : 1x'), 'bcachefs io_done: "1x" is not a count'],
    ['io_errors: a bad count', () => parseIoErrors('IO errors since filesystem creation\n  read: x\n'), 'bcachefs io_errors: "x" is not a count'],
  ])('refuses %s with a ParseError', (_what, parse, message) => {
    expectParseError(parse, message);
  });
});

describe('bcachefs parser under garbage input', () => {
  itSurvivesGarbage('bcachefs size', '38.5M\n', parseHumanBytes);
  itSurvivesGarbage('bcachefs compression_stats', 'type compressed uncompressed\nlz4: 1.5G 3G 60k\n', parseCompressionStats);
  itSurvivesGarbage('bcachefs errors', 'btree_node_read_error 2 17\n', parseBcachefsErrors);
  itSurvivesGarbage('bcachefs counter', 'since mount: 12.0G\nsince filesystem creation: 1.25T\n', parseCounterFile);
  itSurvivesGarbage('bcachefs btree_write_stats', ' nr size\ninitial: 1201 40.0k\n', parseBtreeWriteStats);
  itSurvivesGarbage('bcachefs io_done', 'read:\nbtree : 81264640\nwrite:\nuser : 9\n', parseIoDone);
  itSurvivesGarbage('bcachefs io_errors', 'IO errors since filesystem creation\n  read: 3\nIO errors since 4 y ago\n', parseIoErrors);
});
