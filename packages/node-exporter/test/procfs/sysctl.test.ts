import { describe } from 'vitest';
import { parseSysctlRequest, parseSysctlValues } from '../../src/procfs/sysctl.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('sysctl parser under garbage input', () => {
  itSurvivesGarbage('sysctl values', '32768\t60999\n', (t) => parseSysctlValues(t, true, 'x'));
  itSurvivesGarbage('sysctl request', 'fs.file-nr:total,current,max', (t) => parseSysctlRequest(t, true));
});
