import { describe } from 'vitest';
import { parseSoftirqs } from '../../src/procfs/softirqs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('softirqs parser under garbage input', () => {
  itSurvivesGarbage('softirqs', '  CPU0 CPU1\n HI: 1 2\n', parseSoftirqs);
});
