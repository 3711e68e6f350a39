import { describe, expect, it } from 'vitest';
import { parseNetstatPairs, parseSnmp6, type NetStatistic } from '../../src/procfs/netstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** The records of one protocol, fields in the order given. */
function stats(protocol: string, values: Record<string, number>): NetStatistic[] {
  return Object.entries(values).map(([field, value]) => ({ protocol, field, value }));
}

describe('netstat pairs parser', () => {
  it('reads every TcpExt and IpExt counter of the net/netstat fixture, in order', () => {
    expect(parseNetstatPairs(readFixture('proc/net/netstat'), 'net/netstat')).toEqual([
      ...stats('TcpExt', {
        SyncookiesSent: 0, SyncookiesRecv: 0, SyncookiesFailed: 2, EmbryonicRsts: 10, PruneCalled: 0, ListenOverflows: 5,
        ListenDrops: 7, TCPTimeouts: 120, TCPSynRetrans: 33, TCPOFOQueue: 900, TCPRcvQDrop: 0,
      }),
      ...stats('IpExt', { InNoRoutes: 0, InTruncatedPkts: 0, InMcastPkts: 100, OutMcastPkts: 20, InOctets: 123456789, OutOctets: 98765432, InCsumErrors: 1 }),
    ]);
  });

  it('reads every counter of the net/snmp fixture, negative Tcp MaxConn included', () => {
    expect(parseNetstatPairs(readFixture('proc/net/snmp'), 'net/snmp')).toEqual([
      ...stats('Ip', {
        Forwarding: 1, DefaultTTL: 64, InReceives: 5000000, InHdrErrors: 0, InAddrErrors: 3, ForwDatagrams: 0, InUnknownProtos: 0,
        InDiscards: 0, InDelivers: 4900000, OutRequests: 4800000,
      }),
      ...stats('Icmp', { InMsgs: 450, InErrors: 4, InCsumErrors: 0, OutMsgs: 460 }),
      ...stats('Tcp', {
        RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1, ActiveOpens: 30000, PassiveOpens: 12000, AttemptFails: 150,
        EstabResets: 300, CurrEstab: 42, InSegs: 4000000, OutSegs: 3900000, RetransSegs: 2500, InErrs: 6, OutRsts: 700, InCsumErrors: 0,
      }),
      ...stats('Udp', { InDatagrams: 800000, NoPorts: 120, InErrors: 9, OutDatagrams: 790000, RcvbufErrors: 8, SndbufErrors: 1, InCsumErrors: 0, IgnoredMulti: 0, MemErrors: 0 }),
      ...stats('UdpLite', { InDatagrams: 0, NoPorts: 0, InErrors: 0, OutDatagrams: 0, RcvbufErrors: 0, SndbufErrors: 0, InCsumErrors: 0, IgnoredMulti: 0, MemErrors: 0 }),
    ]);
  });

  it.each([
    ['an empty file', '', []],
    ['a header without names', 'Tcp:\nTcp:\n', []],
    ['blank lines between and around the pairs', '\nTcp: A\n\n  Tcp:   -2\n\nUdp: B C\nUdp: 1.5 3\n\n', [...stats('Tcp', { A: -2 }), ...stats('Udp', { B: 1.5, C: 3 })]],
  ])('%s', (_what, text, expected) => {
    expect(parseNetstatPairs(text, 'snmp')).toEqual(expected);
  });

  it.each([
    ['an odd number of lines', 'Tcp: A B\nTcp: 1 2\nUdp: C\n', 'snmp: odd number of lines'],
    ['values of another protocol', 'Tcp: A B\nUdp: 1 2\n', 'snmp: header and values disagree on the protocol (line 1)'],
    ['a protocol without its colon', 'Ip: A\nIp: 1\n\nTcp A B\nTcp 1 2\n', 'snmp: header and values disagree on the protocol (line 4)'],
    ['fewer values than names', 'Tcp: A B C\n\nTcp: 1\n', 'snmp: 3 names but 1 values (line 3)'],
    ['more values than names', 'Tcp: A\nTcp: 1 2 3\n', 'snmp: 1 names but 3 values (line 2)'],
    ['a value that is no number', 'Tcp: A B\nTcp: 1 x\n', 'snmp: expected a number, got "x" (line 2)'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseNetstatPairs(text, 'snmp'), message);
  });
});

describe('snmp6 parser', () => {
  it('reads every counter of the net/snmp6 fixture; the protocol ends at the first 6', () => {
    expect(parseSnmp6(readFixture('proc/net/snmp6'))).toEqual([
      ...stats('Ip6', { InReceives: 300000, InOctets: 45000000, OutOctets: 41000000 }),
      ...stats('Icmp6', { InMsgs: 600, InErrors: 2, OutMsgs: 640 }),
      ...stats('Udp6', { InDatagrams: 5000, NoPorts: 4, InErrors: 1, OutDatagrams: 5100, RcvbufErrors: 0, SndbufErrors: 0 }),
      ...stats('UdpLite6', { InErrors: 0 }),
    ]);
  });

  it('skips names without a 6, keeps a name starting with 6 and blank lines', () => {
    expect(parseSnmp6('\nUdpLite6InErrors 4\n\nNoSixHere 1\n6to4Packets 2\nIcmp6OutType134 9\n')).toEqual([
      { protocol: 'UdpLite6', field: 'InErrors', value: 4 },
      { protocol: '6', field: 'to4Packets', value: 2 },
      { protocol: 'Icmp6', field: 'OutType134', value: 9 },
    ]);
  });

  it.each([
    ['a line with three fields', 'Ip6InReceives 1\nIp6InOctets 1 2\n', 'net/snmp6: expected "name value", got 3 fields (line 2)'],
    ['a name without a value', '\nIp6InReceives\n', 'net/snmp6: expected "name value", got 1 fields (line 2)'],
    ['a value that is no number', 'Ip6InReceives 0x10\n', 'net/snmp6: expected a number, got "0x10" (line 1)'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseSnmp6(text), message);
  });
});

describe('netstat parser under garbage input', () => {
  itSurvivesGarbage('net/netstat', readFixture('proc/net/netstat'), (t) => parseNetstatPairs(t, 'net/netstat'), { seed: 87109, reachesErrors: true });
  itSurvivesGarbage('net/snmp', readFixture('proc/net/snmp'), (t) => parseNetstatPairs(t, 'net/snmp'), { seed: 63352, reachesErrors: true });
  itSurvivesGarbage('net/snmp6', readFixture('proc/net/snmp6'), parseSnmp6, { seed: 71271, reachesErrors: true });
});
