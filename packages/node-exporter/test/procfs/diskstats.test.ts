import { describe } from 'vitest';
import { parseDiskstats } from '../../src/procfs/diskstats.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('diskstats parser under garbage input', () => {
  itSurvivesGarbage('diskstats', readFixture('proc/diskstats'), parseDiskstats, { seed: 71271, reachesErrors: true });
});
