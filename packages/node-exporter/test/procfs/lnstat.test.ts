import { describe } from 'vitest';
import { parseLnstat } from '../../src/procfs/lnstat.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('lnstat parser under garbage input', () => {
  itSurvivesGarbage('lnstat', 'entries found\n00000001 0000000a\n', parseLnstat);
});
