import { describe } from 'vitest';
import { parsePowerSupply, POWER_SUPPLY_NUMERIC, POWER_SUPPLY_TEXT } from '../../src/sysfs/power-supply.js';
import { itSurvivesGarbage } from '../garbage.js';

const every = (names: readonly string[], t: string): Record<string, string> => Object.fromEntries(names.map((n) => [n, t]));

describe('power-supply parser under garbage input', () => {
  itSurvivesGarbage('power supply', '12000\n', (t) => parsePowerSupply('BAT0', every([...POWER_SUPPLY_NUMERIC.map(([f]) => f), ...POWER_SUPPLY_TEXT], t)));
});
