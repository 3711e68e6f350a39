import { describe } from 'vitest';
import { parseProcDrbd } from '../../src/procfs/drbd.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('drbd parser under garbage input', () => {
  itSurvivesGarbage('/proc/drbd', ' 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate\n ns:1 nr:2 oos:0\n', parseProcDrbd);
});
