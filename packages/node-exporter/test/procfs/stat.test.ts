import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseProcStat } from '../../src/procfs/stat.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('stat parser', () => {
  it('proc/stat: per-CPU seconds, offline CPUs absent, counters', () => {
    const s = parseProcStat(readFixture('proc/stat'));
    expect([...s.cpus.keys()]).toEqual([0, 1, 2]);
    expect(s.cpus.get(0)).toMatchObject({ user: 5123, nice: 7, system: 1600.4, iowait: 41, guest: 11, guestNice: 0.1 });
    expect(s.softirqs).toHaveLength(10);
    expect(() => parseProcStat('cpuX 1 2 3 4\n')).toThrow(ParseError);
  });
});

describe('stat parser under garbage input', () => {
  itSurvivesGarbage('proc/stat', readFixture('proc/stat'), parseProcStat, { seed: 71271, reachesErrors: true });
});
