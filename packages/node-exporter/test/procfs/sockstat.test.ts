import { describe, expect, it } from 'vitest';
import { parseSockstat } from '../../src/procfs/sockstat.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('sockstat parser', () => {
  it('sockstat: protocol lines with name/value pairs', () => {
    expect(parseSockstat('TCP: inuse 1 mem 2\n', 's')).toEqual([{ protocol: 'TCP', values: [['inuse', 1], ['mem', 2]] }]);
  });
});

describe('sockstat parser under garbage input', () => {
  itSurvivesGarbage('sockstat', readFixture('proc/net/sockstat'), (t) => parseSockstat(t, 'sockstat'), { seed: 63352, reachesErrors: true });
});
