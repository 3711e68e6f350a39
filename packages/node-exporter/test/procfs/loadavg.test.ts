import { describe, expect, it } from 'vitest';
import { parseLoadavg } from '../../src/procfs/loadavg.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('loadavg parser', () => {
  it('reads the three load averages and ignores the runnable/total and last-PID fields', () => {
    expect(parseLoadavg(readFixture('proc/loadavg'))).toEqual({ load1: 1.25, load5: 0.8, load15: 0.45 });
    expect(parseLoadavg('0.00 0.01 0.05')).toEqual({ load1: 0, load5: 0.01, load15: 0.05 });
  });
});

describe('loadavg parser under garbage input', () => {
  itSurvivesGarbage('loadavg', readFixture('proc/loadavg'), parseLoadavg, { seed: 55433, reachesErrors: true });
});
