import { describe } from 'vitest';
import { parseSlabinfo } from '../../src/procfs/slabinfo.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('slabinfo parser under garbage input', () => {
  itSurvivesGarbage('slabinfo', 'slabinfo - version: 2.1\n# name\ndentry 1 2 192 21 1 : tunables 0 0 0 : slabdata 1 1 0\n', parseSlabinfo);
});
