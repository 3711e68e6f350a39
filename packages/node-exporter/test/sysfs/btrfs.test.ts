import { describe, expect, it } from 'vitest';
import { btrfsLayoutRatio, parseBtrfsCommitStats } from '../../src/sysfs/btrfs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('btrfs allocation ratio', () => {
  // Every profile name the kernel gives allocation/<type>/ directories. RAID5/6 keep one or two
  // parity blocks per stripe over all devices; with too few devices the ratio stays 1.
  it.each([
    ['single', 1, 1],
    ['raid0', 3, 1],
    ['dup', 1, 2],
    ['raid1', 2, 2],
    ['raid10', 4, 2],
    ['raid1c3', 3, 3],
    ['raid1c4', 4, 4],
    ['raid5', 0, 1],
    ['raid5', 1, 1],
    ['raid5', 2, 2],
    ['raid5', 3, 1.5],
    ['raid5', 5, 1.25],
    ['raid6', 1, 1],
    ['raid6', 2, 1],
    ['raid6', 3, 3],
    ['raid6', 4, 2],
    ['raid6', 6, 1.5],
  ])('gives layout %s over %d devices the ratio %d', (layout, devices, ratio) => {
    expect(btrfsLayoutRatio(layout, devices)).toBe(ratio);
  });
});

describe('btrfs commit_stats parser', () => {
  it('reads the four counters of the fixture and ignores cur_commit_ms', () => {
    expect(parseBtrfsCommitStats(readFixture('sys/fs/btrfs/7b1f2d6e-3c44-4a58-9d0e-5f2a1c9e8b01/commit_stats'))).toEqual({
      commits: 1043, lastCommitMs: 12, maxCommitMs: 481, totalCommitMs: 20311,
    });
  });

  it.each([
    ['an empty file gives zeros', '', { commits: 0, lastCommitMs: 0, maxCommitMs: 0, totalCommitMs: 0 }],
    ['missing keys give 0; blank lines, blanks around a line and runs of blanks are skipped', '  commits  7 \n\nmax_commit_ms\t9\n', { commits: 7, lastCommitMs: 0, maxCommitMs: 9, totalCommitMs: 0 }],
    ['the last of repeated keys wins', 'last_commit_ms 1\ntotal_commit_ms 5\nlast_commit_ms 2\n', { commits: 0, lastCommitMs: 2, maxCommitMs: 0, totalCommitMs: 5 }],
  ])('%s', (_what, text, stats) => {
    expect(parseBtrfsCommitStats(text)).toEqual(stats);
  });

  it.each([
    ['an upper-case key', 'commits 1\nCommits 3\n', 'btrfs commit_stats: unexpected line "Commits 3"'],
    ['a value with a trailing letter', 'commits 3x', 'btrfs commit_stats: unexpected line "commits 3x"'],
    ['a key without a value', 'commits', 'btrfs commit_stats: unexpected line "commits"'],
    ['a value without a key', '12', 'btrfs commit_stats: unexpected line "12"'],
    ['a long line, quoted to 40 characters', 'commit duration of the last transaction in ms: 12', 'btrfs commit_stats: unexpected line "commit duration of the last transaction "'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseBtrfsCommitStats(text), message);
  });
});

describe('btrfs parser under garbage input', () => {
  itSurvivesGarbage('btrfs commit_stats', 'commits 3\nmax_commit_ms 5\n', parseBtrfsCommitStats);
});
