import { describe } from 'vitest';
import { parseLoadavg } from '../../src/procfs/loadavg.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('loadavg parser under garbage input', () => {
  itSurvivesGarbage('loadavg', readFixture('proc/loadavg'), parseLoadavg, { seed: 55433, reachesErrors: true });
});
