import { describe } from 'vitest';
import { parseCoolingDevice, parseThermalZone } from '../../src/sysfs/thermal.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('thermal parser under garbage input', () => {
  itSurvivesGarbage('thermal zone', '52000\n', (t) => parseThermalZone('thermal_zone0', t, t));
  itSurvivesGarbage('cooling device', '3\n', (t) => parseCoolingDevice('cooling_device0', t, t, t));
});
