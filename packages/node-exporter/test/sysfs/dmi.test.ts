import { describe } from 'vitest';
import { dmiInfoLabels } from '../../src/sysfs/dmi.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('dmi parser under garbage input', () => {
  itSurvivesGarbage('dmi', 'X12\n', (t) => dmiInfoLabels({ bios_date: t, sys_vendor: t }));
});
