import { describe } from 'vitest';
import { parseBtrfsCommitStats } from '../../src/sysfs/btrfs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('btrfs parser under garbage input', () => {
  itSurvivesGarbage('btrfs commit_stats', 'commits 3\nmax_commit_ms 5\n', parseBtrfsCommitStats);
});
