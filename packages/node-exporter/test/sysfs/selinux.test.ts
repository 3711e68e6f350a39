import { describe } from 'vitest';
import { parseSelinuxConfigMode } from '../../src/sysfs/selinux.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('selinux parser under garbage input', () => {
  itSurvivesGarbage('selinux config', 'SELINUX=permissive\n', parseSelinuxConfigMode);
});
