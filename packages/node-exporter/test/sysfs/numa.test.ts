import { describe } from 'vitest';
import { parseNodeMeminfo, parseNumastat } from '../../src/sysfs/numa.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('numa parser under garbage input', () => {
  itSurvivesGarbage('node meminfo', 'Node 0 MemTotal: 100 kB\n', parseNodeMeminfo);
  itSurvivesGarbage('numastat', 'numa_hit 1\n', parseNumastat);
});
