import { describe, expect, it } from 'vitest';
import { parseDiskstats } from '../../src/procfs/diskstats.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

// Documentation/admin-guide/iostats.rst: major, minor, name, then reads completed, reads merged,
// sectors read, ms reading, writes completed, writes merged, sectors written, ms writing,
// I/Os in progress, ms doing I/O, weighted ms; 4.18 adds discards completed, merged, sectors,
// ms; 5.5 adds flush requests completed and ms flushing. The parser keeps the raw kernel units
// (sectors, milliseconds); the collector scales them.
const OLD = '   8       0 sda 446216 784926 9550688 4382310 424847 312726 5922052 19310380 0 3376340 23705160';
const DISCARD = ' 259       0 nvme0n1 47114 4 4643973 21650 1078320 43950 39451633 1011053 0 222766 1032546 12 3 4096 7';
const FLUSH = '   8      16 sdb 326552 841 9657779 84 41822 2895 1972905 5007 0 60730 67070 68851 0 1925173784 11130 1498 1203';

describe('diskstats parser', () => {
  it('reads the 14-field line of a kernel before 4.18: 11 counters after the name', () => {
    expect(parseDiskstats(`${OLD}\n`)).toEqual([{
      major: 8, minor: 0, device: 'sda',
      stats: [446216, 784926, 9550688, 4382310, 424847, 312726, 5922052, 19310380, 0, 3376340, 23705160],
    }]);
  });

  it('reads the 18-field line of 4.18+ with the four discard counters', () => {
    expect(parseDiskstats(`${DISCARD}\n`)).toEqual([{
      major: 259, minor: 0, device: 'nvme0n1',
      stats: [47114, 4, 4643973, 21650, 1078320, 43950, 39451633, 1011053, 0, 222766, 1032546, 12, 3, 4096, 7],
    }]);
  });

  it('reads the 20-field line of 5.5+ with the two flush counters', () => {
    expect(parseDiskstats(`${FLUSH}\n`)).toEqual([{
      major: 8, minor: 16, device: 'sdb',
      stats: [326552, 841, 9657779, 84, 41822, 2895, 1972905, 5007, 0, 60730, 67070, 68851, 0, 1925173784, 11130, 1498, 1203],
    }]);
  });

  it('returns one record per device line, in file order, skipping blank lines', () => {
    const disks = parseDiskstats(`${OLD}\n\n${DISCARD}\n${FLUSH}\n`);
    expect(disks.map((d) => [d.major, d.minor, d.device, d.stats.length])).toEqual([
      [8, 0, 'sda', 11], [259, 0, 'nvme0n1', 15], [8, 16, 'sdb', 17],
    ]);
  });

  it('returns no records for an empty file', () => {
    expect(parseDiskstats('')).toEqual([]);
  });

  it.each([
    ['a line cut short after the 10th counter', `${OLD}\n   8       1 sda1 1 2 3 4 5 6 7 8 9 10\n`, 'diskstats: expected at least 14 fields, got 13 (line 2)'],
    ['a foreign file (/proc/partitions)', 'major minor  #blocks  name\n\n   8        0  488386584 sda\n', 'diskstats: expected at least 14 fields, got 4 (line 1)'],
    ['a major number that is not a number', `${OLD}\n   x       1 sda1 ${'1 '.repeat(11)}\n`, 'diskstats: expected a number, got "x" (line 2)'],
    ['a minor number that is not a number', `\n   8       - sda1 ${'1 '.repeat(11)}\n`, 'diskstats: expected a number, got "-" (line 2)'],
    ['a counter that is not a number', `   8       1 sda1 ${'1 '.repeat(10)}0x10\n`, 'diskstats: expected a number, got "0x10" (line 1)'],
    ['a discard counter that is not a number', `   8       1 sda1 ${'1 '.repeat(11)}1 1 n/a 1\n`, 'diskstats: expected a number, got "n/a" (line 1)'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseDiskstats(text), message);
  });
});

describe('diskstats parser under garbage input', () => {
  itSurvivesGarbage('diskstats', readFixture('proc/diskstats'), parseDiskstats, { seed: 71271, reachesErrors: true });
});
