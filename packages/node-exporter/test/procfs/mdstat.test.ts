import { describe, expect, it } from 'vitest';
import { parseMdstat, type MdArray } from '../../src/procfs/mdstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** An array record with the defaults of a clean two-disk raid1 of 100 blocks. */
function md(name: string, fields: Partial<MdArray> = {}): MdArray {
  return { name, state: 'active', level: 'raid1', disksTotal: 2, disksActive: 2, disksFailed: 0, disksSpare: 0, blocksTotal: 100, blocksSynced: 100, ...fields };
}

const FIXTURE_ARRAYS: MdArray[] = [
  md('md0', { disksActive: 1, disksFailed: 1, blocksTotal: 1046528, blocksSynced: 1046528 }),
  md('md1', { state: 'recovering', level: 'raid5', disksTotal: 3, disksActive: 2, blocksTotal: 2093056, blocksSynced: 256512 }),
  md('md2', { level: 'raid0', blocksTotal: 4188160, blocksSynced: 4188160 }),
  md('md3', { state: 'inactive', level: '', disksTotal: 0, disksActive: 0, disksSpare: 1, blocksTotal: 523264, blocksSynced: 523264 }),
  md('md4', { state: 'resync', disksSpare: 1, blocksTotal: 1046528, blocksSynced: 0 }),
];

const CLEAN = '      100 blocks super 1.2 [2/2] [UU]';

describe('mdstat parser', () => {
  it('reads every array of the fixture, in order, with every field', () => {
    expect(parseMdstat(readFixture('proc/mdstat'))).toEqual(FIXTURE_ARRAYS);
  });

  it('reads the fixture with CRLF line ends the same (lines are trimmed)', () => {
    expect(parseMdstat(readFixture('proc/mdstat').replace(/\n/g, '\r\n'))).toEqual(FIXTURE_ARRAYS);
  });

  it.each([
    ['a sync in progress: resync with the kernel\'s padded percentage', ['md0 : active raid1 a[0] b[1]', CLEAN, '      [>....................]  resync =  5.0% (5/100) finish=1min'],
      [md('md0', { state: 'resync', blocksSynced: 5 })]],
    ['a check in progress', ['md9 : active raid1 a[0] b[1]', CLEAN, '      [=>...]  check = 15.2% (15/100) finish=1min'], [md('md9', { state: 'check', blocksSynced: 15 })]],
    ['a reshape, which stays active and fully synced', ['md7 : active raid5 a[0] b[1] c[2]', '      200 blocks level 5, 64k chunk [3/3] [UUU]', '      [=>...]  reshape = 5.0% (5/100) finish=1min'],
      [md('md7', { level: 'raid5', disksTotal: 3, disksActive: 3, blocksTotal: 200, blocksSynced: 200 })]],
    ['a progress line after a bitmap line', ['md0 : active raid1 a[0] b[1]', CLEAN, '      bitmap: 1/1 pages [4KB], 65536KB chunk', '      [=>...]  recovery = 30.0% (30/100) finish=1min'],
      [md('md0', { state: 'recovering', blocksSynced: 30 })]],
    ['progress without blanks around = and before (', ['md0 : active raid1 a[0] b[1]', CLEAN, '      recovery=12.5%(25/200)'], [md('md0', { state: 'recovering', blocksSynced: 25 })]],
    ['a delayed resync with blanks around =', ['md0 : active raid1 a[0] b[1]', CLEAN, '      resync = DELAYED'], [md('md0', { state: 'resync', blocksSynced: 0 })]],
    ['a word that only ends in recovery', ['md0 : active raid1 a[0] b[1]', CLEAN, '      norecovery = 5.0% (5/100)'], [md('md0')]],
    ['a multi-digit name, member index and [n/m] count', ['md127 : active raid6 sda[10] sdb[11](F)', '      100 blocks super 1.2 [12/11] [UUUUUUUUUUU_]'],
      [md('md127', { level: 'raid6', disksTotal: 12, disksActive: 11, disksFailed: 1 })]],
    ['no blanks around the colon', ['md5:active raid1 a[0] b[1]', CLEAN], [md('md5')]],
    ['doubled blanks between members', ['md5 : active raid1  a[0]   b[1]', CLEAN], [md('md5')]],
    ['a read-only marker before the level', ['md5 : active (read-only) raid1 a[0] b[1](W)(S)', CLEAN], [md('md5', { disksSpare: 1 })]],
    ['member flags of several letters', ['md5 : active raid1 a[0](WM) b[1]', CLEAN], [md('md5')]],
    ['an active array listing no members yet', ['md5 : active', CLEAN], [md('md5', { level: '' })]],
    ['linear: every listed member needed and up', ['md6 : active linear a[0] b[1] c[2]', '      300 blocks super 1.2 0k rounding'],
      [md('md6', { level: 'linear', disksTotal: 3, disksActive: 3, blocksTotal: 300, blocksSynced: 300 })]],
    ['back-to-back arrays without a blank line', ['md0 : active raid1 a[0] b[1]', CLEAN, 'md1 : active raid1 c[0] d[1]', CLEAN, '      [=>...]  resync = 10.0% (10/100)'],
      [md('md0'), md('md1', { state: 'resync', blocksSynced: 10 })]],
    ['back-to-back arrays with CRLF line ends', ['md0 : active raid1 a[0] b[1]\r', `${CLEAN}\r`, 'md1 : active raid1 c[0] d[1]\r', `${CLEAN}\r`, '      [=>...]  resync = 10.0% (10/100)\r'],
      [md('md0'), md('md1', { state: 'resync', blocksSynced: 10 })]],
    ['an inactive array listing no members', ['md3 : inactive', '      100 blocks super 1.2'], [md('md3', { state: 'inactive', level: '', disksTotal: 0, disksActive: 0 })]],
    ['a progress line after the blank line that ends the array', ['md0 : active raid1 a[0] b[1]', CLEAN, '   ', '      resync=PENDING'], [md('md0')]],
    ['lines that are no array header', ['Personalities : [raid1]', 'xmd0 : active raid1 a[0]', 'md0 : active raid1 a[0]\rb[1]', 'unused devices: <none>'], []],
  ])('%s', (_what, rows, expected) => {
    expect(parseMdstat(`${rows.join('\n')}\n`)).toEqual(expected);
  });

  it.each([
    ['an unknown activity', 'Personalities : [raid1]\nmd0 : degraded raid1 a[0]\n      100 blocks\n', 'mdstat: unknown state "degraded" of md0 (line 2)'],
    ['a level word on an inactive array (the kernel prints none)', '\nmd3 : inactive raid1 a[0]\n      100 blocks\n', 'mdstat: bad member "raid1" of md3 (line 2)'],
    ['a member without an index', 'md0 : active raid1 a[0] b\n      100 blocks\n', 'mdstat: bad member "b" of md0 (line 1)'],
    ['a member with text before it', 'md0 : active raid1 a[0] [x]b[1]\n      100 blocks\n', 'mdstat: bad member "[x]b[1]" of md0 (line 1)'],
    ['a member with text after it', 'md0 : active raid1 a[0] b[1]x\n      100 blocks\n', 'mdstat: bad member "b[1]x" of md0 (line 1)'],
    ['a member with a lower-case flag', 'md0 : active raid1 a[0] b[1](f)\n      100 blocks\n', 'mdstat: bad member "b[1](f)" of md0 (line 1)'],
    ['a member that ends in a read-only marker', 'md0 : active raid1 a[0] x(read-only)\n      100 blocks\n', 'mdstat: bad member "x(read-only)" of md0 (line 1)'],
    ['a read-only marker with text after it', 'md0 : active raid1 a[0] (read-only)x\n      100 blocks\n', 'mdstat: bad member "(read-only)x" of md0 (line 1)'],
    ['a status line not starting with the block count', '\n\nmd0 : active raid1 a[0]\n      size 100 blocks\n', 'mdstat: no block count for md0 (line 4)'],
    ['a header on the last line', 'md0 : active raid1 a[0] b[1]', 'mdstat: no block count for md0 (line 2)'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseMdstat(text), message);
  });
});

describe('mdstat parser under garbage input', () => {
  itSurvivesGarbage('mdstat', readFixture('proc/mdstat'), parseMdstat, { seed: 47514, reachesErrors: true });
});
