import { describe, expect, it } from 'vitest';
import { parseConntrackStat } from '../../src/procfs/conntrack.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('conntrack parser', () => {
  it('conntrack stat: hex columns summed over CPUs', () => {
    const s = parseConntrackStat('found drop\n0000000a 00000001\n00000006 0000000f\n');
    expect(Object.fromEntries(s)).toEqual({ found: 16, drop: 16 });
  });
});

describe('conntrack parser under garbage input', () => {
  itSurvivesGarbage('nf_conntrack stat', readFixture('proc/net/stat/nf_conntrack'), parseConntrackStat, { seed: 134623, reachesErrors: true });
});
