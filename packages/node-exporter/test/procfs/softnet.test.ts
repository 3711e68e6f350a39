import { describe, expect, it } from 'vitest';
import { parseSoftnetStat } from '../../src/procfs/softnet.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('softnet column layouts', () => {
  it('reads the newer columns and the CPU id on 5.10+ kernels, row position before', () => {
    const wide = parseSoftnetStat('00000010 00000001 00000002 0 0 0 0 0 00000003 00000004 00000005 00000006 00000007\n');
    expect(wide[0]).toEqual({ cpu: 7, processed: 16, dropped: 1, timeSqueezed: 2, cpuCollision: 3, receivedRps: 4, flowLimitCount: 5, backlogLen: 6 });
    const old = parseSoftnetStat('1 0 0 0 0 0 0 0 0\n2 0 0 0 0 0 0 0 0\n');
    expect(old.map((r) => r.cpu)).toEqual([0, 1]);
  });
});

describe('softnet parser', () => {
  it('rejects a short softnet row with a ParseError naming the line', () => {
    expect(() => parseSoftnetStat('00000001 00000002\n')).toThrow(/line 1/);
  });
});

describe('softnet parser under garbage input', () => {
  itSurvivesGarbage('softnet_stat', readFixture('proc/net/softnet_stat'), parseSoftnetStat);
});
