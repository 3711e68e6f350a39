import { describe } from 'vitest';
import { parseWatchdog, WATCHDOG_NUMERIC, WATCHDOG_TEXT } from '../../src/sysfs/watchdog.js';
import { itSurvivesGarbage } from '../garbage.js';

const every = (names: readonly string[], t: string): Record<string, string> => Object.fromEntries(names.map((n) => [n, t]));

describe('watchdog parser under garbage input', () => {
  itSurvivesGarbage('watchdog', '300\n', (t) => parseWatchdog('watchdog0', every([...WATCHDOG_NUMERIC.map(([f]) => f), ...WATCHDOG_TEXT], t)));
});
