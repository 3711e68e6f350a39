import { describe, expect, it } from 'vitest';
import { parseFileNr, parseKeyValueLines, parseSingleNumber } from '../../src/procfs/keyvalue.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('keyvalue parser', () => {
  it('file-nr: allocated and maximum, the unused middle column ignored', () => {
    expect(parseFileNr('10\t0\t20\n')).toEqual({ allocated: 10, maximum: 20 });
  });
});

describe('keyvalue parser under garbage input', () => {
  itSurvivesGarbage('vmstat', readFixture('proc/vmstat'), (t) => parseKeyValueLines(t, 'vmstat'), { seed: 47514, reachesErrors: true });
  itSurvivesGarbage('file-nr', readFixture('proc/sys/fs/file-nr'), parseFileNr, { seed: 55433, reachesErrors: true });
  itSurvivesGarbage('single number', '256\n', (t) => parseSingleNumber(t, 'entropy_avail'), { seed: 102947, reachesErrors: true });
});
