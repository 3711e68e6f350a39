import { describe, expect, it } from 'vitest';
import { parseProcCgroups } from '../../src/procfs/cgroups.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('cgroups parser', () => {
  it('reads every controller of the fixture in file order, skipping the "#subsys_name" header', () => {
    expect(parseProcCgroups(readFixture('proc/cgroups'))).toEqual([
      { name: 'cpuset', hierarchy: 0, cgroups: 112, enabled: 1 },
      { name: 'cpu', hierarchy: 0, cgroups: 112, enabled: 1 },
      { name: 'memory', hierarchy: 0, cgroups: 112, enabled: 1 },
      { name: 'hugetlb', hierarchy: 0, cgroups: 112, enabled: 0 },
    ]);
  });

  it('trims lines, splits on runs of spaces and tabs, and skips blank and comment lines', () => {
    const text = '# comment\n\n  memory  3 \t 45   1  \r\n \t \nblkio\t10\t7\t0\n#pids 1 1 1\n';
    expect(parseProcCgroups(text)).toEqual([
      { name: 'memory', hierarchy: 3, cgroups: 45, enabled: 1 },
      { name: 'blkio', hierarchy: 10, cgroups: 7, enabled: 0 },
    ]);
  });

  it('gives no controllers for an empty file or a header alone', () => {
    expect(parseProcCgroups('')).toEqual([]);
    expect(parseProcCgroups('#subsys_name hierarchy num_cgroups enabled\n')).toEqual([]);
  });

  it.each([
    ['three columns', 'cpu 0 1\n', '/proc/cgroups: unexpected line "cpu 0 1"'],
    ['five columns', 'cpu 0 1 1 9\n', '/proc/cgroups: unexpected line "cpu 0 1 1 9"'],
    ['a word as the hierarchy', 'cpu x 1 1\n', '/proc/cgroups: unexpected line "cpu x 1 1"'],
    ['a word as the count alone', 'cpu 0 1 x\n', '/proc/cgroups: unexpected line "cpu 0 1 x"'],
    ['a number with a leading letter', 'cpu 0 a1 1\n', '/proc/cgroups: unexpected line "cpu 0 a1 1"'],
    ['a number with a trailing letter', 'cpu 0 1a 1\n', '/proc/cgroups: unexpected line "cpu 0 1a 1"'],
    ['a negative number', 'cpu -1 1 1\n', '/proc/cgroups: unexpected line "cpu -1 1 1"'],
    ['a header not starting with #', 'subsys_name hierarchy num_cgroups enabled\n', '/proc/cgroups: unexpected line "subsys_name hierarchy num_cgroups enabled"'],
    ['a bad line (quoted trimmed, cut at 60 characters)', `  ${'c'.repeat(70)} 1 1\n`, `/proc/cgroups: unexpected line "${'c'.repeat(60)}"`],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseProcCgroups(text), message);
  });
});

describe('cgroups parser under garbage input', () => {
  itSurvivesGarbage('cgroups', '#subsys_name hierarchy num_cgroups enabled\ncpu 0 1 1\n', parseProcCgroups);
});
