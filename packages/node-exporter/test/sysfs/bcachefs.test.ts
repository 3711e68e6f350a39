import { describe } from 'vitest';
import { parseBcachefsErrors, parseBtreeWriteStats, parseCompressionStats, parseCounterFile, parseHumanBytes, parseIoDone, parseIoErrors } from '../../src/sysfs/bcachefs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('bcachefs parser under garbage input', () => {
  itSurvivesGarbage('bcachefs size', '38.5M\n', parseHumanBytes);
  itSurvivesGarbage('bcachefs compression_stats', 'type compressed uncompressed\nlz4: 1.5G 3G 60k\n', parseCompressionStats);
  itSurvivesGarbage('bcachefs errors', 'btree_node_read_error 2 17\n', parseBcachefsErrors);
  itSurvivesGarbage('bcachefs counter', 'since mount: 12.0G\nsince filesystem creation: 1.25T\n', parseCounterFile);
  itSurvivesGarbage('bcachefs btree_write_stats', ' nr size\ninitial: 1201 40.0k\n', parseBtreeWriteStats);
  itSurvivesGarbage('bcachefs io_done', 'read:\nbtree : 81264640\nwrite:\nuser : 9\n', parseIoDone);
  itSurvivesGarbage('bcachefs io_errors', 'IO errors since filesystem creation\n  read: 3\nIO errors since 4 y ago\n', parseIoErrors);
});
