import { describe, expect, it } from 'vitest';
import { parseSockstat } from '../../src/procfs/sockstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('sockstat parser', () => {
  it('reads every line of the net/sockstat fixture, pairs in order', () => {
    expect(parseSockstat(readFixture('proc/net/sockstat'), 'sockstat')).toEqual([
      { protocol: 'sockets', values: [['used', 512]] },
      { protocol: 'TCP', values: [['inuse', 40], ['orphan', 1], ['tw', 12], ['alloc', 55], ['mem', 30]] },
      { protocol: 'UDP', values: [['inuse', 9], ['mem', 4]] },
      { protocol: 'UDPLITE', values: [['inuse', 0]] },
      { protocol: 'RAW', values: [['inuse', 1]] },
      { protocol: 'FRAG', values: [['inuse', 0], ['memory', 0]] },
    ]);
  });

  it('reads every line of the net/sockstat6 fixture', () => {
    expect(parseSockstat(readFixture('proc/net/sockstat6'), 'sockstat6')).toEqual([
      { protocol: 'TCP6', values: [['inuse', 7]] },
      { protocol: 'UDP6', values: [['inuse', 3]] },
      { protocol: 'UDPLITE6', values: [['inuse', 0]] },
      { protocol: 'RAW6', values: [['inuse', 1]] },
      { protocol: 'FRAG6', values: [['inuse', 0], ['memory', 0]] },
    ]);
  });

  it('skips blank lines and splits on any blanks', () => {
    expect(parseSockstat('\n  TCP:\tinuse  1 mem 2  \n\nRAW: inuse 3\n', 's')).toEqual([
      { protocol: 'TCP', values: [['inuse', 1], ['mem', 2]] },
      { protocol: 'RAW', values: [['inuse', 3]] },
    ]);
  });

  const long = `TCP: inuse 1 ${'x'.repeat(70)}`;
  it.each([
    ['a protocol without its colon', 'sockets: used 1\nTCP inuse 1\n', 's: malformed line "TCP inuse 1" (line 2)'],
    ['a name without its value', '\nTCP: inuse 1 mem\n', 's: malformed line "TCP: inuse 1 mem" (line 2)'],
    ['a long malformed line, quoted to 60 characters', `${long}\n`, `s: malformed line ${JSON.stringify(long.slice(0, 60))} (line 1)`],
    ['a value that is no number', 'TCP: inuse 1 mem 2k\n', 's: expected a number, got "2k" (line 1)'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseSockstat(text, 's'), message);
  });
});

describe('sockstat parser under garbage input', () => {
  itSurvivesGarbage('sockstat', readFixture('proc/net/sockstat'), (t) => parseSockstat(t, 'sockstat'), { seed: 63352, reachesErrors: true });
});
