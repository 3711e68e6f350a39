import { describe, expect, it } from 'vitest';
import { parseSoftirqs } from '../../src/procfs/softirqs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('softirqs parser', () => {
  it('reads every vector of the fixture with its per-CPU counts, in file order', () => {
    expect(parseSoftirqs(readFixture('proc/softirqs'))).toEqual([
      { type: 'HI', values: [1, 0, 0, 2] },
      { type: 'TIMER', values: [412345, 398112, 402211, 377001] },
      { type: 'NET_TX', values: [211, 188, 90, 75] },
      { type: 'NET_RX', values: [912001, 41002, 38111, 12009] },
      { type: 'BLOCK', values: [120011, 40022, 98012, 1101] },
      { type: 'IRQ_POLL', values: [0, 0, 0, 0] },
      { type: 'TASKLET', values: [101, 12, 9, 44] },
      { type: 'SCHED', values: [601223, 589011, 577213, 541002] },
      { type: 'HRTIMER', values: [31, 12, 40, 7] },
      { type: 'RCU', values: [301122, 298001, 302111, 287444] },
    ]);
  });

  it('trims lines, skips blank ones and reads counts with or without blanks after the colon', () => {
    const text = '  CPU0\tCPU1  \r\n\n \t \n  HI:7\t8  \r\nRCU: 9 10\n';
    expect(parseSoftirqs(text)).toEqual([{ type: 'HI', values: [7, 8] }, { type: 'RCU', values: [9, 10] }]);
  });

  it('keeps a vector without counts as an empty list', () => {
    expect(parseSoftirqs('CPU0\nHI:\n  SCHED:  \n')).toEqual([{ type: 'HI', values: [] }, { type: 'SCHED', values: [] }]);
  });

  it('needs only a header for no vectors', () => {
    expect(parseSoftirqs('CPU12 CPU13')).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a blank first line', '\nCPU0\nHI: 1\n'],
    ['a header with no CPU number', 'CPU\n'],
    ['a lower-case header', 'cpu0\n'],
    ['a header with a leading word', 'X CPU0\n'],
  ])('refuses %s: missing header', (_what, text) => {
    expectParseError(() => parseSoftirqs(text), '/proc/softirqs: missing CPU header');
  });

  it.each([
    ['a lower-case vector', 'net_rx: 1', '/proc/softirqs line 2: unexpected "net_rx: 1"'],
    ['a letter before the vector', 'xHI: 1', '/proc/softirqs line 2: unexpected "xHI: 1"'],
    ['a digit in the vector', 'HI2: 1', '/proc/softirqs line 2: unexpected "HI2: 1"'],
    ['no colon', 'HI 1', '/proc/softirqs line 2: unexpected "HI 1"'],
    ['a carriage return among the counts', 'HI: 1\r2', '/proc/softirqs line 2: unexpected "HI: 1\\r2"'],
    ['a long line (quoted trimmed, cut at 40)', `   ${'X'.repeat(50)}`, `/proc/softirqs line 2: unexpected "${'X'.repeat(40)}"`],
    ['a word as a count', 'HI: 1 many', '/proc/softirqs line 2: "many" is not a number'],
    ['a negative count', 'HI: -1', '/proc/softirqs line 2: "-1" is not a number'],
    ['a letter before a count', 'HI: 1 x2', '/proc/softirqs line 2: "x2" is not a number'],
    ['a letter after a count', 'HI: 2x', '/proc/softirqs line 2: "2x" is not a number'],
    ['a bad count after blank lines (numbered in the file)', '\n\nTIMER: 1 1.5', '/proc/softirqs line 4: "1.5" is not a number'],
  ])('refuses %s with a ParseError', (_what, line, message) => {
    expectParseError(() => parseSoftirqs(`CPU0 CPU1\n${line}\n`), message);
  });
});

describe('softirqs parser under garbage input', () => {
  itSurvivesGarbage('softirqs', '  CPU0 CPU1\n HI: 1 2\n', parseSoftirqs);
});
