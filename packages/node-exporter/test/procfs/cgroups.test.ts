import { describe } from 'vitest';
import { parseProcCgroups } from '../../src/procfs/cgroups.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('cgroups parser under garbage input', () => {
  itSurvivesGarbage('cgroups', '#subsys_name hierarchy num_cgroups enabled\ncpu 0 1 1\n', parseProcCgroups);
});
