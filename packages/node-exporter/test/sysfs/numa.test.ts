import { describe, expect, it } from 'vitest';
import { parseNodeMeminfo, parseNumastat } from '../../src/sysfs/numa.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const node = (n: number, file: string): string => readFixture(`sys/devices/system/node/node${n}/${file}`);
const LONG = `Node 0 ${'x'.repeat(70)}`;

describe('NUMA node meminfo', () => {
  it('reads fixture node0: kB values in bytes, counts unchanged, Active(anon) spelled Active_anon', () => {
    expect(parseNodeMeminfo(node(0, 'meminfo'))).toEqual([
      ['MemTotal', 8589934592],
      ['MemFree', 1073741824],
      ['MemUsed', 7516192768],
      ['Active_anon', 536870912],
      ['HugePages_Total', 2],
      ['HugePages_Free', 1],
    ]);
  });

  it('reads padded and blank lines, a multi-digit node and tabs or several blanks between fields', () => {
    expect(parseNodeMeminfo('\n  Node\t 12   Inactive(file):\t3  kB  \n\nNode 1 Bounce: 0\n')).toEqual([
      ['Inactive_file', 3072],
      ['Bounce', 0],
    ]);
  });

  it.each([
    ['text before "Node"', 'xNode 0 MemTotal: 1 kB', 'node meminfo: unexpected line "xNode 0 MemTotal: 1 kB"'],
    ['text after the unit', 'Node 0 MemTotal: 1 kB extra', 'node meminfo: unexpected line "Node 0 MemTotal: 1 kB extra"'],
    ['a unit other than kB', 'Node 0 MemTotal: 1 MB', 'node meminfo: unexpected line "Node 0 MemTotal: 1 MB"'],
    ['a name without its colon', 'Node 0 MemTotal 1', 'node meminfo: unexpected line "Node 0 MemTotal 1"'],
    ['a padded line, quoted trimmed', '  bogus \t\n', 'node meminfo: unexpected line "bogus"'],
    ['a long line, quoted up to 60 characters', LONG, `node meminfo: unexpected line ${JSON.stringify(LONG.slice(0, 60))}`],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseNodeMeminfo(text), message);
  });
});

describe('NUMA node numastat', () => {
  it.each([
    [0, [['numa_hit', 123456789], ['numa_miss', 1000], ['numa_foreign', 12], ['interleave_hit', 1811], ['local_node', 123450000], ['other_node', 41]]],
    [1, [['numa_hit', 123456790], ['numa_miss', 2000], ['numa_foreign', 12], ['interleave_hit', 1811], ['local_node', 123450001], ['other_node', 41]]],
  ])('reads fixture node%d in file order', (n, counters) => {
    expect(parseNumastat(node(n, 'numastat'))).toEqual(counters);
  });

  it('reads padded and blank lines and tabs or several blanks between name and value', () => {
    expect(parseNumastat('\n  numa_hit\t\t5  \n\nother_node   7\n')).toEqual([['numa_hit', 5], ['other_node', 7]]);
  });

  it.each([
    ['an upper-case name', 'Numa_hit 5', 'numastat: unexpected line "Numa_hit 5"'],
    ['a second value', 'numa_hit 5 6', 'numastat: unexpected line "numa_hit 5 6"'],
    ['a name without a value', 'numa_hit', 'numastat: unexpected line "numa_hit"'],
    ['a padded line, quoted trimmed', ' numa_hit x \n', 'numastat: unexpected line "numa_hit x"'],
    ['a long line, quoted up to 60 characters', LONG, `numastat: unexpected line ${JSON.stringify(LONG.slice(0, 60))}`],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseNumastat(text), message);
  });
});

describe('numa parser under garbage input', () => {
  itSurvivesGarbage('node meminfo', 'Node 0 MemTotal: 100 kB\n', parseNodeMeminfo);
  itSurvivesGarbage('numastat', 'numa_hit 1\n', parseNumastat);
});
