import { describe } from 'vitest';
import { parseIbCounter, parseIbRate, parseIbStateId } from '../../src/sysfs/infiniband.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('infiniband parser under garbage input', () => {
  itSurvivesGarbage('infiniband state', '4: ACTIVE\n', parseIbStateId);
  itSurvivesGarbage('infiniband rate', '100 Gb/sec (4X EDR)\n', parseIbRate);
  itSurvivesGarbage('infiniband counter', '2221223609\n', parseIbCounter);
});
