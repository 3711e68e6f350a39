import { describe, expect, it } from 'vitest';
import { parsePidStat } from '../../src/procfs/pid-stat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** A stat line: "<pid> (<comm>) <state>", 16 fields, then num_threads and the rest. */
const stat = (comm: string, state: string, threads: string, sep = ' '): string =>
  ['7', `(${comm})`, state, ...'1 7 7 0 -1 4194560 1520 0 2 0 41 12 0 0 20 0'.split(' '), threads, '0 1088 171577344'].join(sep);

describe('pid stat parser', () => {
  it.each([
    ['1', 'S', 1],
    ['977', 'D', 1],
    ['1203', 'Z', 1],
    ['1204', 'I', 1],
    ['412', 'R', 4],
    ['self', 'D', 1],
  ])('reads state and num_threads of fixture pid %s', (pid, state, numThreads) => {
    expect(parsePidStat(readFixture(`proc/${pid}/stat`))).toEqual({ state, numThreads });
  });

  it.each([
    ['a command with ") " inside', stat('nginx: worker) S 9) x', 'R', '12'), { state: 'R', numThreads: 12 }],
    ['a command with "(" inside', stat('a(b', 't', '3'), { state: 't', numThreads: 3 }],
    ['an empty command', stat('', 'X', '0'), { state: 'X', numThreads: 0 }],
    ['runs of spaces and tabs', `  ${stat('bash', 'S', '2', ' \t ')} \n`, { state: 'S', numThreads: 2 }],
  ])('counts fields from the last ")": %s', (_what, text, expected) => {
    expect(parsePidStat(text)).toEqual(expected);
  });

  it('reads a line whose only ")" is its first character', () => {
    expect(parsePidStat(stat('', 'S', '5').slice(3))).toEqual({ state: 'S', numThreads: 5 });
  });

  it.each([
    ['no ")" at all', '7 bash S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1', '/proc/<pid>/stat: no command name'],
    ['an empty file', '', '/proc/<pid>/stat: no command name'],
    ['nothing after the command', '7 (bash)\n', '/proc/<pid>/stat: bad state field'],
    ['a two-letter state', stat('bash', 'SS', '1'), '/proc/<pid>/stat: bad state field'],
    ['a digit before the state letter', stat('bash', '1S', '1'), '/proc/<pid>/stat: bad state field'],
    ['a digit after the state letter', stat('bash', 'S1', '1'), '/proc/<pid>/stat: bad state field'],
    ['a digit as the state', stat('bash', '1', '1'), '/proc/<pid>/stat: bad state field'],
    ['a line cut before num_threads', '7 (bash) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0', '/proc/<pid>/stat: bad num_threads field'],
    ['a negative num_threads', stat('bash', 'S', '-1'), '/proc/<pid>/stat: bad num_threads field'],
    ['a letter before num_threads', stat('bash', 'S', 'x1'), '/proc/<pid>/stat: bad num_threads field'],
    ['a letter after num_threads', stat('bash', 'S', '1x'), '/proc/<pid>/stat: bad num_threads field'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parsePidStat(text), message);
  });
});

describe('pid-stat parser under garbage input', () => {
  itSurvivesGarbage('pid stat', '1 (init) S 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 88\n', parsePidStat);
});
