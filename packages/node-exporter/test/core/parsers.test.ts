import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConntrackStat } from '../../src/procfs/conntrack.js';
import { parseCpuinfo } from '../../src/procfs/cpuinfo.js';
import { parseDiskstats } from '../../src/procfs/diskstats.js';
import { ParseError, parseNumber } from '../../src/procfs/errors.js';
import { parseFileNr, parseKeyValueLines, parseSingleNumber } from '../../src/procfs/keyvalue.js';
import { parseLoadavg } from '../../src/procfs/loadavg.js';
import { parseMdstat } from '../../src/procfs/mdstat.js';
import { parseMeminfo } from '../../src/procfs/meminfo.js';
import { parseMountinfo, unescapeMountPath } from '../../src/procfs/mountinfo.js';
import { parseNetDev } from '../../src/procfs/netdev.js';
import { parseNetstatPairs, parseSnmp6 } from '../../src/procfs/netstat.js';
import { parsePressure } from '../../src/procfs/pressure.js';
import { parseSockstat } from '../../src/procfs/sockstat.js';
import { parseProcStat } from '../../src/procfs/stat.js';
import { osVersionNumber, parseOsRelease } from '../../src/rootfs/os-release.js';
import { abbreviationFor, parsePosixTz, parseTzifFooter } from '../../src/rootfs/tzif.js';
import { parseClocksourceList } from '../../src/sysfs/clocksource.js';
import { parseUdevProperties } from '../../src/sysfs/udev.js';
import { parseTextFormat } from '../../src/textfile/parse.js';
import { FIXTURES, garbage } from '../more/helpers.js';

const fixture = (p: string): string => readFileSync(`${FIXTURES}/${p}`, 'utf8');

/** [name, a valid sample, parser]: every parser of the core collectors. */
const PARSERS: Array<[string, string, (text: string) => unknown]> = [
  ['proc/stat', fixture('proc/stat'), parseProcStat],
  ['cpuinfo', fixture('proc/cpuinfo'), parseCpuinfo],
  ['meminfo', fixture('proc/meminfo'), parseMeminfo],
  ['loadavg', fixture('proc/loadavg'), parseLoadavg],
  ['diskstats', fixture('proc/diskstats'), parseDiskstats],
  ['mountinfo', fixture('proc/1/mountinfo'), parseMountinfo],
  ['net/dev', fixture('proc/net/dev'), parseNetDev],
  ['net/netstat', fixture('proc/net/netstat'), (t) => parseNetstatPairs(t, 'net/netstat')],
  ['net/snmp', fixture('proc/net/snmp'), (t) => parseNetstatPairs(t, 'net/snmp')],
  ['net/snmp6', fixture('proc/net/snmp6'), parseSnmp6],
  ['sockstat', fixture('proc/net/sockstat'), (t) => parseSockstat(t, 'sockstat')],
  ['vmstat', fixture('proc/vmstat'), (t) => parseKeyValueLines(t, 'vmstat')],
  ['file-nr', fixture('proc/sys/fs/file-nr'), parseFileNr],
  ['single number', '256\n', (t) => parseSingleNumber(t, 'entropy_avail')],
  ['nf_conntrack stat', fixture('proc/net/stat/nf_conntrack'), parseConntrackStat],
  ['pressure', fixture('proc/pressure/io'), (t) => parsePressure(t, 'pressure/io')],
  ['mdstat', fixture('proc/mdstat'), parseMdstat],
  ['os-release', fixture('etc/os-release'), parseOsRelease],
  ['udev', fixture('udev/data/b8:0'), parseUdevProperties],
  ['clocksource', 'tsc hpet\n', parseClocksourceList],
  ['posix tz', 'CET-1CEST,M3.5.0,M10.5.0/3', parsePosixTz],
  ['tzif', 'TZif2' + '\0'.repeat(39) + '\nEST5EDT,M3.2.0,M11.1.0\n', (t) => parseTzifFooter(new TextEncoder().encode(t))],
  ['text format', '# HELP a b\n# TYPE a gauge\na{x="1"} 2\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', (t) => parseTextFormat(t)],
];

describe('core parsers under garbage input (property test)', () => {
  for (const [name, valid, parse] of PARSERS) {
    it(`${name}: the valid sample parses`, () => {
      expect(() => parse(valid)).not.toThrow();
    });
    it(`${name}: 600 random and mutated inputs give a result or a ParseError, nothing else`, () => {
      let typedErrors = 0;
      for (const text of garbage(valid, 300, name.length * 7919)) {
        try {
          parse(text);
        } catch (err) {
          if (!(err instanceof ParseError)) throw new Error(`${name} threw ${String(err)} for ${JSON.stringify(text.slice(0, 80))}`);
          typedErrors++;
        }
      }
      // The generator must actually reach the error paths, or this test proves nothing.
      if (!['udev', 'clocksource'].includes(name)) expect(typedErrors).toBeGreaterThan(0);
    });
  }
});

describe('parser details', () => {
  it('proc/stat: per-CPU seconds, offline CPUs absent, counters', () => {
    const s = parseProcStat(fixture('proc/stat'));
    expect([...s.cpus.keys()]).toEqual([0, 1, 2]);
    expect(s.cpus.get(0)).toMatchObject({ user: 5123, nice: 7, system: 1600.4, iowait: 41, guest: 11, guestNice: 0.1 });
    expect(s.softirqs).toHaveLength(10);
    expect(() => parseProcStat('cpuX 1 2 3 4\n')).toThrow(ParseError);
  });

  it('meminfo: (anon)/(file) renamed, unitless lines kept raw, garbage unit rejected', () => {
    expect(parseMeminfo('Active(file):  10 kB\nHugePages_Free: 3\n')).toEqual([
      { name: 'Active_file_bytes', value: 10240 },
      { name: 'HugePages_Free', value: 3 },
    ]);
    expect(() => parseMeminfo('MemTotal: 10 MB\n')).toThrow(/unknown unit/);
  });

  it('mountinfo: octal escapes and optional fields', () => {
    const m = parseMountinfo('36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n');
    expect(m[0]).toEqual({
      majorMinor: '98:0', mountPoint: '/mnt two', mountOptions: ['rw', 'noatime'], fsType: 'ext3', source: '/dev/root', superOptions: ['rw', 'errors=continue'],
    });
    expect(unescapeMountPath('a\\011b\\134c')).toBe('a\tb\\c');
    expect(() => parseMountinfo('1 2 3:4 / /x rw shared:1 ext4 /dev/x rw\n')).toThrow(ParseError);
  });

  it('net/dev: columns named from the header', () => {
    const d = parseNetDev(fixture('proc/net/dev'));
    expect(d.map((x) => x.device)).toEqual(['lo', 'eth0', 'eth1', 'bond0']);
    expect(d[1]?.counters.get('transmit_colls')).toBe(0);
    expect(d[1]?.counters.get('receive_multicast')).toBe(4567);
    expect(d[1]?.counters.size).toBe(16);
  });

  it('snmp6: protocol is everything up to the first 6', () => {
    expect(parseSnmp6('UdpLite6InErrors 4\nIcmp6OutMsgs 9\nNoSixHere 1\n')).toEqual([
      { protocol: 'UdpLite6', field: 'InErrors', value: 4 },
      { protocol: 'Icmp6', field: 'OutMsgs', value: 9 },
    ]);
  });

  it('netstat pairs: header and values must agree', () => {
    expect(() => parseNetstatPairs('Tcp: A B\nUdp: 1 2\n', 'snmp')).toThrow(/protocol/);
    expect(() => parseNetstatPairs('Tcp: A B\nTcp: 1\n', 'snmp')).toThrow(/values/);
  });

  it('mdstat: every array of the fixture', () => {
    const md = parseMdstat(fixture('proc/mdstat'));
    expect(md.map((a) => [a.name, a.state, a.level, a.disksTotal, a.disksActive, a.disksFailed, a.disksSpare, a.blocksTotal, a.blocksSynced])).toEqual([
      ['md0', 'active', 'raid1', 2, 1, 1, 0, 1046528, 1046528],
      ['md1', 'recovering', 'raid5', 3, 2, 0, 0, 2093056, 256512],
      ['md2', 'active', 'raid0', 2, 2, 0, 0, 4188160, 4188160],
      ['md3', 'inactive', '', 0, 0, 0, 1, 523264, 523264],
      ['md4', 'resync', 'raid1', 2, 2, 0, 1, 1046528, 0],
    ]);
    expect(parseMdstat('md7 : active raid5 a[0] b[1] c[2]\n      200 blocks level 5, 64k chunk [3/3] [UUU]\n      [=>...]  reshape = 5.0% (5/100) finish=1min\n')[0]).toMatchObject({ state: 'active', blocksSynced: 200 });
    expect(parseMdstat('md9 : active raid1 a[0] b[1]\n      100 blocks [2/2] [UU]\n      [=>...]  check = 5.0% (5/100) finish=1min\n')[0]).toMatchObject({ state: 'check', blocksSynced: 5 });
  });

  it('conntrack stat: hex columns summed over CPUs', () => {
    const s = parseConntrackStat('found drop\n0000000a 00000001\n00000006 0000000f\n');
    expect(Object.fromEntries(s)).toEqual({ found: 16, drop: 16 });
  });

  it('pressure: totals in seconds; unknown kinds rejected', () => {
    expect(parsePressure('some avg10=0 total=1500000\n', 'p')).toEqual({ someSeconds: 1.5 });
    expect(() => parsePressure('most total=1\n', 'p')).toThrow(ParseError);
  });

  it('os-release: quoting and the version number', () => {
    const r = parseOsRelease('NAME="A \\"B\\""\nID=x\nVERSION_ID=\'7.9.2009\'\n');
    expect(r.get('NAME')).toBe('A "B"');
    expect(osVersionNumber(r.get('VERSION_ID'))).toBe(7.9);
    expect(osVersionNumber(undefined)).toBe(0);
    expect(() => parseOsRelease('NAME="open\n')).toThrow(ParseError);
  });

  it('sockstat and file-nr', () => {
    expect(parseSockstat('TCP: inuse 1 mem 2\n', 's')).toEqual([{ protocol: 'TCP', values: [['inuse', 1], ['mem', 2]] }]);
    expect(parseFileNr('10\t0\t20\n')).toEqual({ allocated: 10, maximum: 20 });
  });

  it('numbers are strict', () => {
    expect(parseNumber('-1.5e3', 's')).toBe(-1500);
    for (const bad of ['', ' ', '0x10', 'Infinity', '1,5']) expect(() => parseNumber(bad, 's')).toThrow(ParseError);
  });
});

describe('time zone names', () => {
  it('POSIX TZ strings give Go\'s abbreviations for the current offset', () => {
    const berlin = parsePosixTz('CET-1CEST,M3.5.0,M10.5.0/3');
    expect(berlin).toEqual({ std: 'CET', stdOffset: 3600, dst: 'CEST' });
    expect([abbreviationFor(berlin, 3600), abbreviationFor(berlin, 7200)]).toEqual(['CET', 'CEST']);
    expect(parsePosixTz('IST-5:30')).toEqual({ std: 'IST', stdOffset: 19800 });
    expect(parsePosixTz('<+0545>-5:45')).toEqual({ std: '+0545', stdOffset: 20700 });
    expect(parsePosixTz('EST5EDT,M3.2.0,M11.1.0')).toMatchObject({ std: 'EST', stdOffset: -18000, dst: 'EDT' });
  });

  it('reads the footer of a TZif file', () => {
    const file = new TextEncoder().encode(`TZif2${'\0'.repeat(39)}abc\0\nAEST-10AEDT,M10.1.0,M4.1.0/3\n`);
    expect(parseTzifFooter(file)).toEqual({ std: 'AEST', stdOffset: 36000, dst: 'AEDT' });
    expect(() => parseTzifFooter(new TextEncoder().encode('not a zone file at all, really not one....'))).toThrow(ParseError);
  });
});
