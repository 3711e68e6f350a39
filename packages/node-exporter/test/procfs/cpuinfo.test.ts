import { describe } from 'vitest';
import { parseCpuinfo } from '../../src/procfs/cpuinfo.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('cpuinfo parser under garbage input', () => {
  itSurvivesGarbage('cpuinfo', readFixture('proc/cpuinfo'), parseCpuinfo, { seed: 55433, reachesErrors: true });
});
