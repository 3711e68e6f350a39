import { describe, expect, it } from 'vitest';
import { dehumanize, parsePriorityStats, parseWritebackRateDebug } from '../../src/sysfs/bcache.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const fixture = (file: string): string => readFixture(`sys/fs/bcache/2f8e5b2c-41a9-4f0e-9d8c-0b3a7c6d5e41/${file}`);
const ZERO_RATES = { rate: 0, target: 0, proportional: 0, integral: 0, change: 0 };

describe('bcache bch_hprint values', () => {
  // With a unit the fraction is in 1024ths printed as up to two decimals: ".2" is 2/10.24.
  it.each([
    ['42', 42],
    ['1.50', 1],
    ['1.99', 1],
    ['512k', 524288],
    ['1.1k', 1124],
    ['1.10k', 2024],
    ['3.99k', 12972],
    ['-5.1k', -5220],
    ['1.1M', 1150976],
    ['2.5M', 2609152],
    ['16.5M', 17289216],
    ['1.2G', 1283457024],
    ['1T', 2 ** 40],
    ['1P', 2 ** 50],
    ['1E', 2 ** 60],
    ['1Z', 2 ** 70],
    ['1Y', 2 ** 80],
    [' \t12k\n', 12288],
  ])('reads %j as %d', (text, value) => {
    expect(dehumanize(text)).toBe(value);
  });

  it.each([
    ['the fixture dirty_data', 'bdev0/dirty_data', 1283457024],
    ['the fixture written', 'cache0/written', 17289216],
    ['the fixture bypassed', 'bdev0/stats_total/bypassed', 2 ** 30],
  ])('reads %s', (_what, file, value) => {
    expect(dehumanize(fixture(file))).toBe(value);
  });

  it.each([
    ['an empty value', '', 'bcache: empty value'],
    ['blanks only', ' \n', 'bcache: empty value'],
    ['a unit without a number', 'k', 'bcache: "k" is not a bch_hprint number'],
    ['an unknown unit, quoted trimmed', ' 1.2x\n', 'bcache: "1.2x" is not a bch_hprint number'],
    ['a letter before the number', 'x5k', 'bcache: "x5k" is not a bch_hprint number'],
    ['a letter between number and unit', '5xk', 'bcache: "5xk" is not a bch_hprint number'],
    ['a letter in place of the point', '1x2k', 'bcache: "1x2k" is not a bch_hprint number'],
    ['a point without a fraction', '1.k', 'bcache: "1.k" is not a bch_hprint number'],
    ['a fraction without an integer part', '.5k', 'bcache: ".5k" is not a bch_hprint number'],
    ['two signs', '--1', 'bcache: "--1" is not a bch_hprint number'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => dehumanize(text), message);
  });
});

describe('bcache writeback_rate_debug', () => {
  it('reads the fixture: rate and change without "/sec", signed terms, dirty and next io ignored', () => {
    expect(parseWritebackRateDebug(fixture('bdev0/writeback_rate_debug'))).toEqual({
      rate: 1150976,
      target: 2147483648,
      proportional: -5220,
      integral: 12288,
      change: -2048,
    });
  });

  it('gives zeros for the missing lines and skips blank lines, lines without a colon or with a capital or trailing text', () => {
    expect(parseWritebackRateDebug('\nno colon here\nRate: 5\n#rate: 6\nrate: 7 junk\ntarget:  3k  \n')).toEqual({ ...ZERO_RATES, target: 3072 });
  });

  it('gives zeros for an empty file', () => {
    expect(parseWritebackRateDebug('')).toEqual(ZERO_RATES);
  });

  it.each([
    ['a value that is not a number', 'rate:\t1.1Q/sec', 'bcache: "1.1Q" is not a bch_hprint number'],
    ['"/sec" not at the end', 'integral: 1/sec2', 'bcache: "1/sec2" is not a bch_hprint number'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseWritebackRateDebug(text), message);
  });
});

describe('bcache priority_stats', () => {
  it('reads the Unused and Metadata percentages of the fixture', () => {
    expect(parsePriorityStats(fixture('cache0/priority_stats'))).toEqual({ unusedPercent: 41, metadataPercent: 1 });
  });

  it('reads only lines that start with the label', () => {
    expect(parsePriorityStats('NotUnused:\t9%\nUnused:\t3%\nXMetadata: 8%\nMetadata:\t2%\n')).toEqual({ unusedPercent: 3, metadataPercent: 2 });
  });

  it.each([
    ['no Unused line', 'Clean:\t50%\nMetadata:\t1%\n', 'bcache priority_stats: no Unused line'],
    ['an Unused value without a percent sign', 'Unused:\t41\nMetadata:\t1%\n', 'bcache priority_stats: no Unused line'],
    ['no Metadata line', 'Unused:\t41%\n', 'bcache priority_stats: no Metadata line'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parsePriorityStats(text), message);
  });
});

describe('bcache parser under garbage input', () => {
  itSurvivesGarbage('bcache value', '1.2G\n', dehumanize);
  itSurvivesGarbage('bcache writeback_rate_debug', 'rate:\t1.1M/sec\ntarget:\t2.0G\n', parseWritebackRateDebug);
  itSurvivesGarbage('bcache priority_stats', 'Unused:\t41%\nMetadata:\t1%\n', parsePriorityStats);
});
