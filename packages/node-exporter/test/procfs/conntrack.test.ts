import { describe, expect, it } from 'vitest';
import { parseConntrackStat } from '../../src/procfs/conntrack.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('conntrack parser', () => {
  it('sums each hex column of the fixture over its two CPUs, in header order', () => {
    expect([...parseConntrackStat(readFixture('proc/net/stat/nf_conntrack'))]).toEqual([
      ['entries', 3684], ['clashres', 1], ['found', 14], ['new', 0], ['invalid', 4], ['ignore', 48], ['delete', 0], ['chainlength', 0],
      ['insert', 0], ['insert_failed', 1], ['drop', 2], ['early_drop', 1], ['icmp_error', 0], ['expect_new', 0], ['expect_create', 0],
      ['expect_delete', 0], ['search_restart', 7],
    ]);
  });

  it('conntrack stat: hex columns summed over CPUs', () => {
    const s = parseConntrackStat('found drop\n0000000a 00000001\n00000006 0000000f\n');
    expect(Object.fromEntries(s)).toEqual({ found: 16, drop: 16 });
  });

  it('reads a header without CPU lines as all zeros and skips blank lines', () => {
    expect([...parseConntrackStat('\n  entries\tfound  \n')]).toEqual([['entries', 0], ['found', 0]]);
    expect([...parseConntrackStat('entries found\n\n 0000000f\t00000001 \n\n')]).toEqual([['entries', 15], ['found', 1]]);
  });

  it.each([
    ['an empty file', '', 'nf_conntrack stat: empty file'],
    ['a file of blank lines', '\n \t\n', 'nf_conntrack stat: empty file'],
    ['a CPU line with a missing column', 'entries found drop\n00000001 00000002 00000003\n\n00000001 00000002\n', 'nf_conntrack stat: 2 values for 3 columns (line 4)'],
    ['a CPU line with an extra column', 'entries found\n00000001 00000002 00000003\n', 'nf_conntrack stat: 3 values for 2 columns (line 2)'],
    ['a value that is not hexadecimal', 'entries found\n00000001 0000000g\n', 'nf_conntrack stat: expected a hexadecimal number, got "0000000g" (line 2)'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseConntrackStat(text), message);
  });
});

describe('conntrack parser under garbage input', () => {
  itSurvivesGarbage('nf_conntrack stat', readFixture('proc/net/stat/nf_conntrack'), parseConntrackStat, { seed: 134623, reachesErrors: true });
});
