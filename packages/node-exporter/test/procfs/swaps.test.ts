import { describe } from 'vitest';
import { parseSwaps } from '../../src/procfs/swaps.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('swaps parser under garbage input', () => {
  itSurvivesGarbage('/proc/swaps', 'Filename Type Size Used Priority\n/dev/zram0 partition 8 1 100\n', parseSwaps);
});
