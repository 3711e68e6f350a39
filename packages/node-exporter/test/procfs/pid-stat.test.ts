import { describe } from 'vitest';
import { parsePidStat } from '../../src/procfs/pid-stat.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('pid-stat parser under garbage input', () => {
  itSurvivesGarbage('pid stat', '1 (init) S 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 88\n', parsePidStat);
});
