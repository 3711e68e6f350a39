import { describe } from 'vitest';
import { parseXfrmStat } from '../../src/procfs/xfrm.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('xfrm parser under garbage input', () => {
  itSurvivesGarbage('xfrm_stat', 'XfrmInError 1\nXfrmOutPolDead 0\n', parseXfrmStat);
});
