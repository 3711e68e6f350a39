import { ParseError } from '../procfs/errors.js';

/** Copies of the data each block-group layout stores: what node_btrfs_allocation_ratio reports. */
export function btrfsLayoutRatio(layout: string, devices: number): number {
  switch (layout) {
    case 'dup':
    case 'raid1':
    case 'raid10':
      return 2;
    case 'raid1c3':
      return 3;
    case 'raid1c4':
      return 4;
    case 'raid5':
      return devices > 1 ? devices / (devices - 1) : 1;
    case 'raid6':
      return devices > 2 ? devices / (devices - 2) : 1;
    default:
      return 1;
  }
}

export interface BtrfsCommitStats {
  readonly commits: number;
  readonly lastCommitMs: number;
  readonly maxCommitMs: number;
  readonly totalCommitMs: number;
}

/** /sys/fs/btrfs/<uuid>/commit_stats: "commits 1043\nlast_commit_ms 12\n…". */
export function parseBtrfsCommitStats(text: string): BtrfsCommitStats {
  const v = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([a-z_]+)\s+(\d+)$/.exec(line);
    if (!m) throw new ParseError(`btrfs commit_stats: unexpected line ${JSON.stringify(line.slice(0, 40))}`);
    v.set(m[1] as string, Number(m[2]));
  }
  return {
    commits: v.get('commits') ?? 0,
    lastCommitMs: v.get('last_commit_ms') ?? 0,
    maxCommitMs: v.get('max_commit_ms') ?? 0,
    totalCommitMs: v.get('total_commit_ms') ?? 0,
  };
}
