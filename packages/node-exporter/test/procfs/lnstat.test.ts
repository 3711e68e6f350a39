import { describe, expect, it } from 'vitest';
import { parseLnstat } from '../../src/procfs/lnstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** The parsed map as [column, per-CPU values] pairs in insertion order, so the order is pinned too. */
const entries = (text: string): Array<[string, number[]]> => [...parseLnstat(text)];

describe('lnstat parser', () => {
  it('reads every column of arp_cache as per-CPU values decoded from hex, in header order', () => {
    expect(entries(readFixture('proc/net/stat/arp_cache'))).toEqual([
      ['entries', [4, 4]], ['allocs', [17, 3]], ['destroys', [7, 1]], ['hash_grows', [0, 0]], ['lookups', [2578, 496]],
      ['hits', [2306, 257]], ['res_failed', [1, 0]], ['rcv_probes_mcast', [0, 0]], ['rcv_probes_ucast', [0, 0]],
      ['periodic_gc_runs', [784, 0]], ['forced_gc_runs', [0, 0]], ['unresolved_discards', [0, 0]], ['table_fulls', [0, 0]],
    ]);
  });

  it('reads nf_conntrack, whose columns are separated by runs of spaces', () => {
    expect(entries(readFixture('proc/net/stat/nf_conntrack'))).toEqual([
      ['entries', [1842, 1842]], ['clashres', [1, 0]], ['found', [10, 4]], ['new', [0, 0]], ['invalid', [3, 1]], ['ignore', [16, 32]],
      ['delete', [0, 0]], ['chainlength', [0, 0]], ['insert', [0, 0]], ['insert_failed', [1, 0]], ['drop', [2, 0]], ['early_drop', [0, 1]],
      ['icmp_error', [0, 0]], ['expect_new', [0, 0]], ['expect_create', [0, 0]], ['expect_delete', [0, 0]], ['search_restart', [5, 2]],
    ]);
  });

  it('trims lines, skips blank ones and reads upper- and lower-case hex of up to 16 digits', () => {
    const text = '\n  col_1\tb2  \r\n\n \t \n  0000000A\tff \n FFFFFFFFFFFFF 0\n';
    expect(entries(text)).toEqual([['col_1', [10, 0xfffffffffffff]], ['b2', [255, 0]]]);
  });

  it('gives empty columns for a header alone', () => {
    expect(entries('entries searched\n')).toEqual([['entries', []], ['searched', []]]);
  });

  it.each([
    ['an empty file', ''],
    ['a blank file', ' \n\t\n'],
    ['a capital letter in one column name', 'entries Found\n1 2\n'],
    ['a capital first letter', 'Entries\n1\n'],
    ['a capital last letter', 'entriesX\n1\n'],
    ['a dash in a column name', 'in-use\n1\n'],
  ])('refuses %s: no column header', (_what, text) => {
    expectParseError(() => parseLnstat(text), 'lnstat: missing column header');
  });

  it.each([
    ['too few values', 'a b\n1 2\n3\n', 'lnstat line 3: 1 values for 2 columns'],
    ['too many values', 'a\n1 2\n', 'lnstat line 2: 2 values for 1 columns'],
    ['a non-hex digit', 'a b\n1 g\n', 'lnstat line 2: "g" is not hex'],
    ['a leading non-hex character', 'a\nx1\n', 'lnstat line 2: "x1" is not hex'],
    ['a trailing non-hex character', 'a\n1x\n', 'lnstat line 2: "1x" is not hex'],
    ['a 0x prefix', 'a\n0x1\n', 'lnstat line 2: "0x1" is not hex'],
    ['17 hex digits', 'a\n00000000000000001\n', 'lnstat line 2: "00000000000000001" is not hex'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseLnstat(text), message);
  });
});

describe('lnstat parser under garbage input', () => {
  itSurvivesGarbage('lnstat', 'entries found\n00000001 0000000a\n', parseLnstat);
});
