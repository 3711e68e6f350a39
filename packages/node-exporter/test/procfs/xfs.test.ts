import { describe } from 'vitest';
import { parseXfsStats } from '../../src/procfs/xfs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('xfs parser under garbage input', () => {
  itSurvivesGarbage('xfs stats', 'rw 1 2\nvnodes 1 2 3 4 5 6 7 8\n', parseXfsStats);
});
