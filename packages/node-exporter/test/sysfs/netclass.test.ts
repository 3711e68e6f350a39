import { describe } from 'vitest';
import { NETCLASS_FILES, parseNetClassIface } from '../../src/sysfs/netclass.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('netclass parser under garbage input', () => {
  itSurvivesGarbage('netclass', '1\n', (t) => parseNetClassIface('eth0', Object.fromEntries(NETCLASS_FILES.map((f) => [f, t]))));
});
