import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mountinfoAddresses, parseMountStats, type NfsMountStats, type NfsOperation, type NfsTransport } from '../../src/procfs/mountstats.js';
import { FIXTURES, readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** A device line for server export srv:/e on /m (8 fields, plus statvers=V when given). */
const device = (fsType: string, statvers?: string, name = 'srv:/e'): string =>
  `device ${name} mounted on /m with fstype ${fsType}${statvers === undefined ? '' : ` statvers=${statvers}`}`;

/** One NFS mount: its device line, then its statistic lines indented by a tab as the kernel does. */
const nfs = (lines: readonly string[], head = device('nfs', '1.1')): string => [head, ...lines.map((l) => `\t${l}`)].join('\n');

/** A whole record of mount srv:/e on /m with the parser's defaults for what the text lacks. */
const mount = (over: Partial<NfsMountStats>): NfsMountStats => ({
  index: 0, device: 'srv:/e', mountPoint: '/m', fsType: 'nfs', ageSeconds: 0, bytes: [], events: [], transport: undefined, operations: [], ...over,
});

const op = (operation: string, n: readonly number[], errors = 0): NfsOperation => ({
  operation, requests: n[0] ?? 0, transmissions: n[1] ?? 0, majorTimeouts: n[2] ?? 0, bytesSent: n[3] ?? 0, bytesReceived: n[4] ?? 0,
  queueMs: n[5] ?? 0, responseMs: n[6] ?? 0, requestMs: n[7] ?? 0, errors,
});

/** Transport fields in the order of the record; a udp line has no connect count and idle time. */
const xprt = (protocol: string, v: readonly [number, number, number, number, number, number, number, number, number, number]): NfsTransport => ({
  protocol, bind: v[0], connect: v[1], idleTimeSeconds: v[2], sends: v[3], receives: v[4], badTransactionIds: v[5], backlog: v[6], maxSlots: v[7], sendingQueue: v[8], pendingQueue: v[9],
});

const EVENTS_1_TO_27 = Array.from({ length: 27 }, (_, k) => k + 1);
const PER_OP = 'per-op statistics';

describe('mountstats parser', () => {
  it('reads both NFS mounts of the fixture with every counter, skipping rootfs, proc and ext4 but counting them in the index', () => {
    expect(parseMountStats(readFixture('proc/977/mountstats'))).toEqual([
      {
        index: 3, device: '10.20.5.1:/srv/backups', mountPoint: '/mnt/backups', fsType: 'nfs4', ageSeconds: 86400,
        bytes: [1073741824, 536870912, 0, 4096, 1073745920, 536875008, 262144, 131073],
        events: [52, 1203, 7, 41, 120, 2201, 3301, 41022, 0, 12, 0, 33012, 77, 5, 40, 31, 2, 118, 0, 3, 1201, 0, 1, 0, 0, 0, 0],
        // nconnect: two xprt lines, node_exporter 1.5.0 keeps the last one.
        transport: xprt('tcp', [1, 1, 9, 1000, 1000, 0, 0, 8, 300, 0]),
        operations: [
          op('NULL', [1, 1, 0, 44, 24, 0, 0, 0]),
          op('READ', [20301, 20301, 0, 3248160, 1076400400, 1021, 99012, 101203]),
          op('WRITE', [8102, 8102, 1, 537901248, 1101872, 3210, 81022, 85001], 2),
          op('COMMIT', [301, 301, 0, 48160, 31304, 12, 4011, 4102]),
          op('GETATTR', [1201, 1201, 0, 196964, 279832, 3, 841, 903]),
        ],
      },
      {
        index: 4, device: '10.20.5.2:/home', mountPoint: '/home', fsType: 'nfs', ageSeconds: 3600,
        bytes: [100, 200, 0, 0, 100, 200, 1, 2],
        events: EVENTS_1_TO_27,
        transport: xprt('udp', [0, 0, 0, 501, 500, 0, 0, 33, 0, 0]),
        // Per-op lines of older kernels have 8 counters and no errors column.
        operations: [op('NULL', [0, 0, 0, 0, 0, 0, 0, 0]), op('LOOKUP', [77, 77, 0, 9240, 18480, 1, 300, 310])],
      },
    ]);
  });

  // Columns after the protocol: port, bind, [connect, connect time, idle time,] sends, receives,
  // bad xids, active requests, backlog, [max slots, sending queue, pending queue (1.1 only)].
  it.each([
    ['1.1', 'tcp', 'tcp 1 2 3 4 5 6 7 8 9 10 11 12 13', xprt('tcp', [2, 3, 5, 6, 7, 8, 10, 11, 12, 13])],
    ['1.1', 'udp', 'udp 1 2 3 4 5 6 7 8 9 10', xprt('udp', [2, 0, 0, 3, 4, 5, 7, 8, 9, 10])],
    ['1.0', 'tcp (values past the 10th are ignored)', 'tcp 1 2 3 4 5 6 7 8 9 10 11 12 13', xprt('tcp', [2, 3, 5, 6, 7, 8, 10, 0, 0, 0])],
    ['1.0', 'udp', 'udp 1 2 3 4 5 6 7', xprt('udp', [2, 0, 0, 3, 4, 5, 7, 0, 0, 0])],
    ['1.1', 'tcp with counters of a newer kernel appended', 'tcp 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15', xprt('tcp', [2, 3, 5, 6, 7, 8, 10, 11, 12, 13])],
  ])('maps the statvers=%s xprt line of %s to the transport fields', (version, _what, line, transport) => {
    expect(parseMountStats(nfs([`xprt:\t${line}`], device('nfs', version)))).toEqual([mount({ transport })]);
  });

  it('counts every device line in the index: non-NFS mounts, NFS mounts without statvers and statvers mounts of other types give no record', () => {
    const text = [device('ext4', undefined, '/dev/sda1'), device('nfs'), device('cifs', '1.1', '//srv/share'), nfs(['age:\t7'], device('nfs4', '1.0')), ''].join('\n');
    expect(parseMountStats(text)).toEqual([mount({ index: 3, fsType: 'nfs4', ageSeconds: 7 })]);
  });

  it('gives a mount with statvers but no statistic lines, at the end of the file, zero age and empty lists', () => {
    expect(parseMountStats(device('nfs', '1.1'))).toEqual([mount({})]);
  });

  it('ends a per-op block at the end of the file without a newline', () => {
    expect(parseMountStats(nfs([PER_OP, '\tREAD: 1 2 3 4 5 6 7 8 9']))).toEqual([mount({ operations: [op('READ', [1, 2, 3, 4, 5, 6, 7, 8], 9)] })]);
  });

  it.each([
    ['a blank line ends the statistic lines', nfs(['age:\t1', '', 'age:\t2', 'bytes:\t1 2 3 4 5 6 7 8']), [mount({ ageSeconds: 1 })]],
    ['a blank line ends the per-op block', nfs(['age:\t1', PER_OP, '\tNULL: 1 1 0 0 0 0 0 0', '', 'age:\t2', '\tGETATTR: 1 2']), [mount({ ageSeconds: 1, operations: [op('NULL', [1, 1, 0, 0, 0, 0, 0, 0])] })]],
    [
      'the next device line ends a mount even without a blank line, after statistic or per-op lines',
      [nfs(['age:\t1']), nfs(['age:\t2', PER_OP, '\tNULL: 1 1 0 0 0 0 0 0'], device('nfs', '1.1', 'srv:/f')), nfs(['age:\t3'], device('nfs', '1.1', 'srv:/g'))].join('\n'),
      [mount({ ageSeconds: 1 }), mount({ index: 1, device: 'srv:/f', ageSeconds: 2, operations: [op('NULL', [1, 1, 0, 0, 0, 0, 0, 0])] }), mount({ index: 2, device: 'srv:/g', ageSeconds: 3 })],
    ],
  ])('bounds each mount: %s', (_what, text, records) => {
    expect(parseMountStats(text)).toEqual(records);
  });

  it('splits on any run of blanks and tabs and ignores blanks around a line, device line included', () => {
    const text = [
      '  device  srv:/e   mounted on\t/m with fstype  nfs4 statvers=1.1  ',
      '\tage:\t\t42  ',
      '\tbytes:  1 2  3 4 5 6 7 8 ',
      '  xprt:\t tcp  1 2 3 4 5 6 7 8 9 10 11 12  13',
      `\t${PER_OP}`,
      '\t   READ:  1  2 3 4 5 6 7 8\t9 ',
      '',
    ].join('\n');
    expect(parseMountStats(text)).toEqual([mount({
      fsType: 'nfs4', ageSeconds: 42, bytes: [1, 2, 3, 4, 5, 6, 7, 8], transport: xprt('tcp', [2, 3, 5, 6, 7, 8, 10, 11, 12, 13]), operations: [op('READ', [1, 2, 3, 4, 5, 6, 7, 8], 9)],
    })]);
  });

  it('ignores statistic lines it does not use (opts, caps, sec, RPC iostats version)', () => {
    expect(parseMountStats(nfs(['opts:\trw,vers=3', 'caps:\tcaps=0x3fef', 'sec:\tflavor=1', 'RPC iostats version: 1.1  p/v: 100003/3 (nfs)', 'age:\t5']))).toEqual([mount({ ageSeconds: 5 })]);
  });

  const line2 = (head: string): string => `${device('nfs', '1.1')}\n${head}\n`;
  it.each([
    ['a device line of 7 fields', line2('device srv:/e mounted on /m with fstype'), 'mountstats line 2: malformed device line'],
    ['"mounted" missing', line2('device srv:/e placed on /m with fstype nfs'), 'mountstats line 2: malformed device line'],
    ['"on" missing', line2('device srv:/e mounted at /m with fstype nfs'), 'mountstats line 2: malformed device line'],
    ['"with" missing', line2('device srv:/e mounted on /m using fstype nfs'), 'mountstats line 2: malformed device line'],
    ['"fstype" missing', line2('device srv:/e mounted on /m with type nfs'), 'mountstats line 2: malformed device line'],
    ['an unknown transport', nfs(['xprt:\trdma 1 2 3 4 5 6 7 8 9 10 11 12 13']), 'mountstats: unsupported transport rdma for statvers 1.1'],
    ['an unknown statvers', nfs(['xprt:\ttcp 1 2 3 4 5 6 7 8 9 10 11 12 13'], device('nfs', '2.0')), 'mountstats: unsupported transport tcp for statvers 2.0'],
    ['a short statvers=1.1 tcp line', nfs(['xprt:\ttcp 1 2 3 4 5 6 7 8 9 10 11 12']), 'mountstats xprt tcp: 12 values, expected 13'],
    ['a short statvers=1.1 udp line', nfs(['xprt:\tudp 1 2 3 4 5 6 7 8 9']), 'mountstats xprt udp: 9 values, expected 10'],
    ['a short statvers=1.0 tcp line', nfs(['xprt:\ttcp 1 2 3 4 5 6 7 8 9'], device('nfs', '1.0')), 'mountstats xprt tcp: 9 values, expected 10'],
    ['a short statvers=1.0 udp line', nfs(['xprt:\tudp 1 2 3 4 5 6'], device('nfs', '1.0')), 'mountstats xprt udp: 6 values, expected 7'],
    ['an xprt value that is not a counter', nfs(['xprt:\tudp 1 2 3 4 5 6 7 8 9 1x']), 'mountstats xprt: "1x" is not a counter'],
    ['an age line without a value', nfs(['age:']), 'mountstats age: "" is not a counter'],
    ['a negative age', nfs(['age:\t-5']), 'mountstats age: "-5" is not a counter'],
    ['a bytes line of 7 values', nfs(['age:\t1', 'bytes:\t1 2 3 4 5 6 7']), 'mountstats line 3: bytes needs 8 values'],
    ['a bytes line of 9 values', nfs(['bytes:\t1 2 3 4 5 6 7 8 9']), 'mountstats line 2: bytes needs 8 values'],
    ['a bytes value that is not a counter', nfs(['bytes:\t1 2 3 4 5 6 7 8s']), 'mountstats bytes: "8s" is not a counter'],
    ['an events line of 26 values', nfs(['events:\t' + EVENTS_1_TO_27.slice(1).join(' ')]), 'mountstats line 2: events needs 27 values'],
    ['an events line of 28 values', nfs(['age:\t1', 'events:\t' + [0, ...EVENTS_1_TO_27].join(' ')]), 'mountstats line 3: events needs 27 values'],
    ['an events value that is not a counter', nfs(['events:\t' + [...EVENTS_1_TO_27.slice(1), 'n/a'].join(' ')]), 'mountstats events: "n/a" is not a counter'],
    ['a per-op line of 7 values', nfs([PER_OP, '\tNULL: 0 0 0 0 0 0 0', '']), 'mountstats line 3: per-op needs at least 8 values'],
    ['a per-op value that is not a counter', nfs([PER_OP, '\tNULL: 0 0 0 0 0 0 0 x']), 'mountstats per-op: "x" is not a counter'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseMountStats(text), message);
  });
});

describe('mountinfo addresses', () => {
  it('gives the addr= option of each mountinfo line of the fixture, "" for mounts without one', () => {
    expect(mountinfoAddresses(readFixture('proc/977/mountinfo'))).toEqual(['', '', '', '10.20.5.1', '10.20.5.2']);
  });

  it.each([
    ['addr= after mountaddr=', '82 23 0:53 / /home rw - nfs s:/home rw,mountaddr=10.0.0.1,addr=10.0.0.2', '10.0.0.2'],
    ['an IPv6 address', '82 23 0:53 / /home rw - nfs s:/home rw,addr=fd00::1,local_lock=none', 'fd00::1'],
    ['extra blanks after the separator and between fields', '82 23 0:53 / /home rw -  nfs   s:/home\trw,addr=10.0.0.3 ', '10.0.0.3'],
    ['a line with no super options', '82 23 0:53 / /home rw - nfs s:/home', ''],
    ['the separator at the start of the line', ' - nfs s:/home addr=10.0.0.4', '10.0.0.4'],
  ])('reads %s', (_what, line, addr) => {
    expect(mountinfoAddresses(`${line}\n`)).toEqual([addr]);
  });

  it('skips empty and blank-only lines', () => {
    expect(mountinfoAddresses('1 2 0:5 / /a rw - nfs s:/a addr=1.1.1.1\n\n \t \n1 2 0:6 / /b rw - nfs s:/b addr=2.2.2.2')).toEqual(['1.1.1.1', '2.2.2.2']);
  });

  it('refuses a line without the " - " separator, quoting its first 60 characters', () => {
    const line = `81 23 0:52 / /mnt/backups rw,relatime shared:40 nfs4 10.20.5.1:/srv/backups rw,addr=10.20.5.1`;
    expectParseError(() => mountinfoAddresses(`${line}\n`), `mountinfo: no " - " separator in "81 23 0:52 / /mnt/backups rw,relatime shared:40 nfs4 10.20.5"`);
  });
});

describe('mountstats parser under garbage input', () => {
  itSurvivesGarbage('mountstats', readFileSync(`${FIXTURES}/proc/977/mountstats`, 'utf8'), parseMountStats);
  itSurvivesGarbage('mountinfo addresses', '1 2 0:5 / /m rw - nfs s:/e rw,addr=10.0.0.1\n', mountinfoAddresses);
});
