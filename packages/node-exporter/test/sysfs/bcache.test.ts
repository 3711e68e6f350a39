import { describe } from 'vitest';
import { dehumanize, parsePriorityStats, parseWritebackRateDebug } from '../../src/sysfs/bcache.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('bcache parser under garbage input', () => {
  itSurvivesGarbage('bcache value', '1.2G\n', dehumanize);
  itSurvivesGarbage('bcache writeback_rate_debug', 'rate:\t1.1M/sec\ntarget:\t2.0G\n', parseWritebackRateDebug);
  itSurvivesGarbage('bcache priority_stats', 'Unused:\t41%\nMetadata:\t1%\n', parsePriorityStats);
});
