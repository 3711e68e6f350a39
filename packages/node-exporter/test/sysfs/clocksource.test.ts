import { describe } from 'vitest';
import { parseClocksourceList } from '../../src/sysfs/clocksource.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('clocksource parser under garbage input', () => {
  itSurvivesGarbage('clocksource', 'tsc hpet\n', parseClocksourceList, { seed: 87109 });
});
