import { describe } from 'vitest';
import { kstatNumbers, parseKstatIo, parseKstatNamed } from '../../src/procfs/kstat.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('kstat parser under garbage input', () => {
  itSurvivesGarbage('kstat named', '1 1 0x01\nname type data\nhits 4 12\nds 7 tank/x\n', (t) => kstatNumbers(parseKstatNamed(t)));
  itSurvivesGarbage('kstat io', '1 3 0x00\nnread nwritten\n1 2\n', parseKstatIo);
});
