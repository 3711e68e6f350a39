import { describe, expect, it } from 'vitest';
import { parseSchedstat } from '../../src/procfs/schedstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('schedstat parser', () => {
  it('reads counters 7, 8 and 9 of every cpu line of the fixture, skipping version, timestamp and domain lines', () => {
    expect(parseSchedstat(readFixture('proc/schedstat'))).toEqual([
      { cpu: '0', runningNanoseconds: 2051343887154, waitingNanoseconds: 128034718512, timeslices: 17650301 },
      { cpu: '1', runningNanoseconds: 1986500000000, waitingNanoseconds: 97250000000, timeslices: 16523087 },
      { cpu: '2', runningNanoseconds: 1503000000000, waitingNanoseconds: 84000500000, timeslices: 12000000 },
      { cpu: '3', runningNanoseconds: 1400250000000, waitingNanoseconds: 80000000000, timeslices: 11000042 },
    ]);
  });

  it.each([
    ['CRLF line ends and doubled blanks', 'version 15\r\ncpu12  1 2 3 4 5 6  70 80 90\r\n', [{ cpu: '12', runningNanoseconds: 70, waitingNanoseconds: 80, timeslices: 90 }]],
    ['counters after the ninth, even non-numeric ones', 'cpu3 1 2 3 4 5 6 7 8 9 10 x\n', [{ cpu: '3', runningNanoseconds: 7, waitingNanoseconds: 8, timeslices: 9 }]],
    ['indented lines, which are no cpu lines', '  cpu0 1 2\n', []],
    ['an empty file', '', []],
  ])('%s', (_what, text, expected) => {
    expect(parseSchedstat(text)).toEqual(expected);
  });

  it.each([
    ['a cpu line without a number', 'cpu 1 2 3 4 5 6 7 8 9\n', 'schedstat: bad cpu field "cpu"'],
    ['a cpu number with a suffix', 'cpu1x 1 2 3 4 5 6 7 8 9\n', 'schedstat: bad cpu field "cpu1x"'],
    ['a cpu name with a prefix before the number', 'cpuXcpu1 1 2 3 4 5 6 7 8 9\n', 'schedstat: bad cpu field "cpuXcpu1"'],
    ['too few counters', 'cpu0 1 2 3 4 5 6 7 8 9\ncpu1 1 2 3 4 5 6 7 8\n', 'schedstat: cpu1 has 8 counters, expected at least 9'],
    ['too few counters and a trailing blank', 'cpu1 1 2 3 4 5 6 7 8 \n', 'schedstat: cpu1 has 8 counters, expected at least 9'],
    ['a counter with a suffix', 'cpu0 1 2 3 4 5 6 7x 8 9\n', 'schedstat: cpu0: not a counter: "7x"'],
    ['a counter with a prefix', 'cpu0 1 2 3 4 5 6 7 8 x9\n', 'schedstat: cpu0: not a counter: "x9"'],
    ['a negative counter', 'cpu0 -1 2 3 4 5 6 7 8 9\n', 'schedstat: cpu0: not a counter: "-1"'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseSchedstat(text), message);
  });
});

describe('schedstat parser under garbage input', () => {
  itSurvivesGarbage('schedstat', readFixture('proc/schedstat'), parseSchedstat);
});
