import { describe } from 'vitest';
import { parseBuddyinfo } from '../../src/procfs/buddyinfo.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('buddyinfo parser under garbage input', () => {
  itSurvivesGarbage('buddyinfo', 'Node 0, zone DMA 1 2 3\n', parseBuddyinfo);
});
