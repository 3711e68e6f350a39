import { describe } from 'vitest';
import { parseIpvsBackends, parseIpvsStats } from '../../src/procfs/ipvs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('ipvs parser under garbage input', () => {
  itSurvivesGarbage('ip_vs_stats', ' a\n b\n  1A 2B 0 3C 0\n', parseIpvsStats);
  itSurvivesGarbage('ip_vs', 'h\nh\nh\nTCP  0A000001:0050 wlc\n  -> [fd00:0000:0000:0000:0000:0000:0000:0001]:0050 Route 1 2 3\nFWM  0000000a rr\n', parseIpvsBackends);
});
