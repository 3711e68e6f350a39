import { describe } from 'vitest';
import { raplZoneNames } from '../../src/sysfs/rapl.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('rapl parser under garbage input', () => {
  itSurvivesGarbage('rapl names', 'package-0', (t) => raplZoneNames(t.split('\n')));
});
