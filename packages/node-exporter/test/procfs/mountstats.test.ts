import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
import { mountinfoAddresses, parseMountStats } from '../../src/procfs/mountstats.js';
import { FIXTURES } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('mountstats parser under garbage input', () => {
  itSurvivesGarbage('mountstats', readFileSync(`${FIXTURES}/proc/977/mountstats`, 'utf8'), parseMountStats);
  itSurvivesGarbage('mountinfo addresses', '1 2 0:5 / /m rw - nfs s:/e rw,addr=10.0.0.1\n', mountinfoAddresses);
});
