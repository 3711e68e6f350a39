import { describe } from 'vitest';
import { parseVulnerability } from '../../src/sysfs/vulnerabilities.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('vulnerabilities parser under garbage input', () => {
  itSurvivesGarbage('cpu vulnerability', 'Mitigation: PTI\n', (t) => parseVulnerability('meltdown', t));
});
