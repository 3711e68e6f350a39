import { describe } from 'vitest';
import { parseZoneinfo } from '../../src/procfs/zoneinfo.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('zoneinfo parser under garbage input', () => {
  itSurvivesGarbage('zoneinfo', 'Node 0, zone DMA\n  min 33\n  protection: (0, 1)\n  nr_free_pages 3\n', parseZoneinfo);
});
