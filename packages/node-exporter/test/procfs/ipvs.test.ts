import { describe, expect, it } from 'vitest';
import { parseIpvsBackends, parseIpvsStats, type IpvsBackend } from '../../src/procfs/ipvs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** /proc/net/ip_vs_stats with `totals` as its third line. */
const stats = (totals: string): string => `   Total Incoming Outgoing         Incoming         Outgoing\n   Conns  Packets  Packets            Bytes            Bytes\n${totals}\n\n`;

/** /proc/net/ip_vs: the three header lines the kernel prints, then `body`. */
const ipvs = (...body: string[]): string =>
  ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn', ...body, ''].join('\n');

const backend = (over: Partial<IpvsBackend>): IpvsBackend => ({
  proto: 'TCP', localAddress: '10.0.0.1', localPort: 80, localMark: '', remoteAddress: '10.0.0.2', remotePort: 80, weight: 1, activeConn: 2, inactConn: 3, ...over,
});

const TCP_SERVICE = 'TCP  0A000001:0050 wlc';
const REAL_SERVER = '  -> 0A000002:0050      Route   1      2          3';

describe('ip_vs_stats parser', () => {
  it('reads the hex totals of the third line of the fixture', () => {
    expect(parseIpvsStats(readFixture('proc/net/ip_vs_stats'))).toEqual({
      connections: 0x2c1a07, incomingPackets: 0x3e07f1a2, outgoingPackets: 0, incomingBytes: 0x4b0fa2c8813e, outgoingBytes: 0,
    });
  });

  it('accepts lower-case hex, 16-digit values and columns past the fifth', () => {
    expect(parseIpvsStats(stats('  ff 000000000000001f a 0 abcdef 99'))).toEqual({
      connections: 255, incomingPackets: 31, outgoingPackets: 10, incomingBytes: 0, outgoingBytes: 0xabcdef,
    });
  });

  it.each([
    ['a file of two lines', 'a\nb', 'ip_vs_stats: totals line has fewer than 5 columns'],
    ['a totals line of 4 columns', stats(' 1 2 3 4'), 'ip_vs_stats: totals line has fewer than 5 columns'],
    ['a 0x prefix in conns', stats(' 0x1F 0 0 0 0'), 'ip_vs: conns is not hex: "0x1F"'],
    ['a trailing letter in incoming packets', stats(' 0 1Fz 0 0 0'), 'ip_vs: incoming packets is not hex: "1Fz"'],
    ['17 digits in outgoing packets', stats(' 0 0 10000000000000000 0 0'), 'ip_vs: outgoing packets is not hex: "10000000000000000"'],
    ['a non-hex letter in incoming bytes', stats(' 0 0 0 g 0'), 'ip_vs: incoming bytes is not hex: "g"'],
    ['a sign in outgoing bytes', stats(' 0 0 0 0 -1'), 'ip_vs: outgoing bytes is not hex: "-1"'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseIpvsStats(text), message);
  });
});

describe('ip_vs parser', () => {
  it('reads every real server of the fixture with its TCP, UDP (IPv6) or firewall-mark service', () => {
    expect(parseIpvsBackends(readFixture('proc/net/ip_vs'))).toEqual([
      backend({ localAddress: '10.20.0.100', localPort: 443, remoteAddress: '10.20.11.12', remotePort: 443, weight: 100, activeConn: 312, inactConn: 19 }),
      backend({ localAddress: '10.20.0.100', localPort: 443, remoteAddress: '10.20.11.13', remotePort: 443, weight: 50, activeConn: 140, inactConn: 7 }),
      backend({ proto: 'UDP', localAddress: 'fd00::53', localPort: 53, remoteAddress: 'fd00::b01', remotePort: 53, weight: 1, activeConn: 0, inactConn: 4 }),
      backend({ proto: 'FWM', localAddress: '', localPort: 0, localMark: '00000a2f', remoteAddress: '10.20.12.1', remotePort: 80, weight: 10, activeConn: 8, inactConn: 1 }),
    ]);
  });

  it('reads an SCTP service and addresses with bytes above 127, skipping blank lines', () => {
    expect(parseIpvsBackends(ipvs('', 'SCTP  C0A80016:0CEA sh', '', '  -> AC1F00FE:0CEA      Masq    3      4          5', '   '))).toEqual([
      backend({ proto: 'SCTP', localAddress: '192.168.0.22', localPort: 3306, remoteAddress: '172.31.0.254', remotePort: 3306, weight: 3, activeConn: 4, inactConn: 5 }),
    ]);
  });

  it('ignores whatever the three header lines hold', () => {
    expect(parseIpvsBackends(`garbage\n-> x\nTCP\n${TCP_SERVICE}\n${REAL_SERVER}`)).toEqual([backend({})]);
  });

  it('gives the real servers after a FWM line the mark and no address, and resets the mark at the next TCP service', () => {
    expect(parseIpvsBackends(ipvs('FWM  0000000A rr', REAL_SERVER, TCP_SERVICE, REAL_SERVER))).toEqual([
      backend({ proto: 'FWM', localAddress: '', localPort: 0, localMark: '0000000A' }),
      backend({}),
    ]);
  });

  // Go's net.IP.String: IPv4-mapped as a dotted quad, else lower-case groups without leading
  // zeros and the first longest run of two or more zero groups written as "::".
  it.each([
    ['0000:0000:0000:0000:0000:ffff:0a14:0b0c', '10.20.11.12'],
    ['0000:0000:0000:0000:0000:FFFF:FFFF:FFFF', '255.255.255.255'],
    ['0000:0000:0000:0000:0001:ffff:0a14:0b0c', '::1:ffff:a14:b0c'],
    ['0000:0000:0000:0000:0000:0000:0000:0001', '::1'],
    ['0000:0000:0000:0000:0000:0000:0000:0000', '::'],
    ['FD00:0001:0000:0000:0000:0000:0000:0000', 'fd00:1::'],
    ['2001:0db8:0001:0002:0003:0004:0005:0006', '2001:db8:1:2:3:4:5:6'],
    ['2001:0db8:0000:0001:0002:0003:0004:0005', '2001:db8:0:1:2:3:4:5'],
    ['2001:0000:0000:0001:0000:0000:0000:0001', '2001:0:0:1::1'],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1'],
  ])('writes the IPv6 address %s as %s', (hex, text) => {
    expect(parseIpvsBackends(ipvs(`TCP  [${hex}]:01BB rr`, `  -> [${hex}]:1F90      Route   1      2          3`))).toEqual([
      backend({ localAddress: text, localPort: 443, remoteAddress: text, remotePort: 8080 }),
    ]);
  });

  const V6 = 'fd00:0000:0000:0000:0000:0000:0000:0001';
  it.each([
    ['a real server before any service', ipvs(REAL_SERVER), 'ip_vs line 4: real server before any virtual service'],
    ['a real server line of 5 fields', ipvs(TCP_SERVICE, '  -> 0A000002:0050 Route 1 2'), 'ip_vs line 5: bad real server line'],
    ['a weight with a leading letter', ipvs(TCP_SERVICE, '  -> 0A000002:0050 Route x1 2 3'), 'ip_vs line 5: bad real server line'],
    ['an active count with a trailing letter', ipvs(TCP_SERVICE, '  -> 0A000002:0050 Route 1 2x 3'), 'ip_vs line 5: bad real server line'],
    ['a negative inactive count', ipvs(TCP_SERVICE, '  -> 0A000002:0050 Route 1 2 -3'), 'ip_vs line 5: bad real server line'],
    ['a FWM line without a mark', ipvs('FWM'), 'ip_vs line 4: bad firewall mark'],
    ['a mark with a leading letter', ipvs('', 'FWM  x0a rr'), 'ip_vs line 5: bad firewall mark'],
    ['a mark with a trailing letter', ipvs('FWM  0ax rr'), 'ip_vs line 4: bad firewall mark'],
    ['a TCP line without an address', ipvs('TCP'), 'ip_vs: bad address ""'],
    ['an IPv4 address of 7 digits', ipvs('TCP  0A00001:0050 wlc'), 'ip_vs: bad address "0A00001:0050"'],
    ['an IPv4 address of 9 digits', ipvs('TCP  10A000001:0050 wlc'), 'ip_vs: bad address "10A000001:0050"'],
    ['a port of 3 digits', ipvs('TCP  0A000001:050 wlc'), 'ip_vs: bad address "0A000001:050"'],
    ['a port of 5 digits', ipvs(TCP_SERVICE, '  -> 0A000002:00500 Route 1 2 3'), 'ip_vs: bad address "0A000002:00500"'],
    ['text before an IPv6 address', ipvs(`UDP  x[${V6}]:0035 rr`), `ip_vs: bad address "x[${V6}]:0035"`],
    ['text after an IPv6 port', ipvs(`UDP  [${V6}]:0035x rr`), `ip_vs: bad address "[${V6}]:0035x"`],
    ['an IPv6 port of 3 digits', ipvs(`UDP  [${V6}]:035 rr`), `ip_vs: bad address "[${V6}]:035"`],
    ['a compressed IPv6 address', ipvs('UDP  [fd00::1]:0035 rr'), 'ip_vs: bad IPv6 address fd00::1'],
    ['an IPv6 address with an empty group', ipvs('UDP  [fd00:0:0:0:0:0:0:]:0035 rr'), 'ip_vs: bad IPv6 address fd00:0:0:0:0:0:0:'],
    ['an IPv6 address of 7 groups', ipvs('UDP  [fd00:0:0:0:0:0:1]:0035 rr'), 'ip_vs: bad IPv6 address fd00:0:0:0:0:0:1'],
    ['an IPv6 group of 5 digits', ipvs('UDP  [fd00:0:0:0:0:0:0:10000]:0035 rr'), 'ip_vs: bad IPv6 address fd00:0:0:0:0:0:0:10000'],
    ['an unknown line, quoted to 40 characters', ipvs(TCP_SERVICE, 'ICMP  0A000001:0000 wlc persistent 360 mask 255.255.255.255'), 'ip_vs line 5: unexpected "ICMP  0A000001:0000 wlc persistent 360 m"'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseIpvsBackends(text), message);
  });
});

describe('ipvs parser under garbage input', () => {
  itSurvivesGarbage('ip_vs_stats', ' a\n b\n  1A 2B 0 3C 0\n', parseIpvsStats);
  itSurvivesGarbage('ip_vs', 'h\nh\nh\nTCP  0A000001:0050 wlc\n  -> [fd00:0000:0000:0000:0000:0000:0000:0001]:0050 Route 1 2 3\nFWM  0000000a rr\n', parseIpvsBackends);
});
