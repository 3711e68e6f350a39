import { describe, expect, it } from 'vitest';
import { sumUdpQueues } from '../../src/procfs/udp-queues.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const HEADER = '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';

/** A socket line with the given tx_queue:rx_queue column. */
function socket(queues: string): string {
  return `  127: 00000000:0044 00000000:0000 07 ${queues} 00:00000000 00000000     0        0 21034 2 0000000000000000 0`;
}

describe('udp-queues parser', () => {
  it.each([
    ['net/udp', { txQueue: 0x200, rxQueue: 0xa00 }],
    ['net/udp6', { txQueue: 0, rxQueue: 0x100 }],
  ])('sums the hex tx_queue:rx_queue bytes of the %s fixture', (file, expected) => {
    expect(sumUdpQueues(readFixture(`proc/${file}`))).toEqual(expected);
  });

  it.each([
    ['a header only', HEADER, { txQueue: 0, rxQueue: 0 }],
    ['a tab-separated header without the leading blanks', 'sl\tlocal_address\n', { txQueue: 0, rxQueue: 0 }],
    ['columns separated by runs of blanks', `${HEADER}\n  1:  00000000:0044\t00000000:0000   07  00000003:00000004  00:0\n`, { txQueue: 3, rxQueue: 4 }],
    ['blank lines, short and 16-digit queues in both cases', `${HEADER}\n\n${socket('a:B')}\n  \n${socket('0000000000000001:00000000000000fF')}\n`, { txQueue: 11, rxQueue: 11 + 0xff }],
  ])('%s', (_what, text, expected) => {
    expect(sumUdpQueues(text)).toEqual(expected);
  });

  it.each([
    ['an empty file', '', '/proc/net/udp: missing header line'],
    ['a header not starting with sl', 'x sl local_address\n', '/proc/net/udp: missing header line'],
    ['a socket line without the queue column', `${HEADER}\n${socket('0:0')}\n  128: 00000000:0044 00000000:0000 07\n`, '/proc/net/udp line 3: bad tx_queue:rx_queue field undefined'],
    ['queues without their colon', `${HEADER}\n\n${socket('00000001')}\n`, '/proc/net/udp line 3: bad tx_queue:rx_queue field "00000001"'],
    ['queues with a prefix', `${HEADER}\n${socket('x0:0')}\n`, '/proc/net/udp line 2: bad tx_queue:rx_queue field "x0:0"'],
    ['queues with a suffix', `${HEADER}\n${socket('0:0x')}\n`, '/proc/net/udp line 2: bad tx_queue:rx_queue field "0:0x"'],
    ['a queue wider than 64 bits', `${HEADER}\n${socket('10000000000000000:0')}\n`, '/proc/net/udp line 2: bad tx_queue:rx_queue field "10000000000000000:0"'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => sumUdpQueues(text), message);
  });
});

describe('udp-queues parser under garbage input', () => {
  itSurvivesGarbage('udp', '  sl  local_address rem_address   st tx_queue rx_queue\n 1: 00000000:0044 00000000:0000 07 00000001:00000002 00:0\n', sumUdpQueues);
});
