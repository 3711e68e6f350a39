import { describe, expect, it } from 'vitest';
import { parseMdstat } from '../../src/procfs/mdstat.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('mdstat parser', () => {
  it('mdstat: every array of the fixture', () => {
    const md = parseMdstat(readFixture('proc/mdstat'));
    expect(md.map((a) => [a.name, a.state, a.level, a.disksTotal, a.disksActive, a.disksFailed, a.disksSpare, a.blocksTotal, a.blocksSynced])).toEqual([
      ['md0', 'active', 'raid1', 2, 1, 1, 0, 1046528, 1046528],
      ['md1', 'recovering', 'raid5', 3, 2, 0, 0, 2093056, 256512],
      ['md2', 'active', 'raid0', 2, 2, 0, 0, 4188160, 4188160],
      ['md3', 'inactive', '', 0, 0, 0, 1, 523264, 523264],
      ['md4', 'resync', 'raid1', 2, 2, 0, 1, 1046528, 0],
    ]);
    expect(parseMdstat('md7 : active raid5 a[0] b[1] c[2]\n      200 blocks level 5, 64k chunk [3/3] [UUU]\n      [=>...]  reshape = 5.0% (5/100) finish=1min\n')[0]).toMatchObject({ state: 'active', blocksSynced: 200 });
    expect(parseMdstat('md9 : active raid1 a[0] b[1]\n      100 blocks [2/2] [UU]\n      [=>...]  check = 5.0% (5/100) finish=1min\n')[0]).toMatchObject({ state: 'check', blocksSynced: 5 });
  });
});

describe('mdstat parser under garbage input', () => {
  itSurvivesGarbage('mdstat', readFixture('proc/mdstat'), parseMdstat, { seed: 47514, reachesErrors: true });
});
