import { describe, expect, it } from 'vitest';
import { addTcpStates } from '../../src/procfs/tcp-states.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

/** A socket line in state `st` with the given tx_queue:rx_queue column. */
function socket(st: string, queues = '00000000:00000000'): string {
  return `   0: 0100007F:0016 00000000:0000 ${st} ${queues} 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0`;
}

/** The entries of the map `addTcpStates` fills from `text`, in insertion order. */
function states(text: string, into = new Map<string, number>()): Array<[string, number]> {
  addTcpStates(text, into);
  return [...into];
}

describe('tcp-states parser', () => {
  it('counts the sockets of net/tcp and net/tcp6 into one map, with the summed queue bytes', () => {
    const into = new Map<string, number>();
    expect(states(readFixture('proc/net/tcp'), into)).toEqual([
      ['listen', 2], ['tx_queued_bytes', 0x24], ['rx_queued_bytes', 3], ['established', 1], ['time_wait', 1],
    ]);
    expect(states(readFixture('proc/net/tcp6'), into)).toEqual([
      ['listen', 3], ['tx_queued_bytes', 0x24], ['rx_queued_bytes', 0x13], ['established', 1], ['time_wait', 1], ['close_wait', 1],
    ]);
  });

  it.each([
    ['01', 'established'], ['02', 'syn_sent'], ['03', 'syn_recv'], ['04', 'fin_wait1'], ['05', 'fin_wait2'], ['06', 'time_wait'],
    ['07', 'close'], ['08', 'close_wait'], ['09', 'last_ack'], ['0A', 'listen'], ['0b', 'closing'],
  ])('names kernel state %s %s', (st, name) => {
    expect(states(`${HEADER}\n${socket(st, '0000000A:0000000b')}\n`)).toEqual([[name, 1], ['tx_queued_bytes', 10], ['rx_queued_bytes', 11]]);
  });

  it('adds to the counts already in the map and skips blank lines', () => {
    const into = new Map([['listen', 5], ['tx_queued_bytes', 100], ['rx_queued_bytes', 200]]);
    expect(states(`${HEADER}\n\n${socket('0A', '1:FFFFFFFFFFFFFFFF')}\n   \n`, into)).toEqual([
      ['listen', 6], ['tx_queued_bytes', 101], ['rx_queued_bytes', 200 + 0xffffffffffffffff],
    ]);
  });

  it.each([
    ['a header only', HEADER, []],
    ['a tab-separated header without the leading blanks', 'sl\tlocal_address', []],
    ['columns separated by runs of blanks', `${HEADER}\n  1:  0100007F:0016\t00000000:0000   06  00000003:00000004  00:0\n`, [['time_wait', 1], ['tx_queued_bytes', 3], ['rx_queued_bytes', 4]]],
  ])('%s', (_what, text, expected) => {
    expect(states(text)).toEqual(expected);
  });

  it.each([
    ['an empty file', '', '/proc/net/tcp: missing header line'],
    ['a header not starting with sl', 'x sl local_address\n', '/proc/net/tcp: missing header line'],
    ['a socket line without the queue column', `${HEADER}\n${socket('0A')}\n   1: 0100007F:0016 00000000:0000 0A\n`, '/proc/net/tcp line 3: unexpected columns'],
    ['a socket line without the state column', `${HEADER}\n   1: 0100007F:0016 00000000:0000\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['a state of three digits', `${HEADER}\n${socket('0A0')}\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['a state with a prefix', `${HEADER}\n${socket('x0A')}\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['queues with a prefix', `${HEADER}\n${socket('0A', 'x0:0')}\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['queues with a suffix', `${HEADER}\n${socket('0A', '0:0x')}\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['a queue wider than 64 bits', `${HEADER}\n${socket('0A', '0:10000000000000000')}\n`, '/proc/net/tcp line 2: unexpected columns'],
    ['state 0, which the kernel does not use', `${HEADER}\n${socket('00')}\n`, '/proc/net/tcp line 2: unknown state 00'],
    ['state 0C, past the last state the file shows', `${HEADER}\n\n${socket('0C')}\n`, '/proc/net/tcp line 3: unknown state 0C'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => addTcpStates(text, new Map()), message);
  });
});

describe('tcp-states parser under garbage input', () => {
  itSurvivesGarbage('tcp', '  sl local rem st tx_queue rx_queue\n 0: 00000000:0016 00000000:0000 0A 00000000:00000001 00:0\n', (t) => addTcpStates(t, new Map()));
});
