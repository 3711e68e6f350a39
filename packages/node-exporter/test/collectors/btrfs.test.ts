import { describe, expect, it } from 'vitest';
import { btrfsCollector } from '../../src/collectors/btrfs.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

const UUID = '7b1f2d6e-3c44-4a58-9d0e-5f2a1c9e8b01';

describe('btrfs', () => {
  it('reports allocation per block group type and layout, commits and device sizes', async () => {
    const f = await run(btrfsCollector);
    expect(value(f, 'node_btrfs_info', { uuid: UUID, label: 'backups' })).toBe(1);
    expect(value(f, 'node_btrfs_global_rsv_size_bytes', { uuid: UUID })).toBe(16777216);
    expect(value(f, 'node_btrfs_reserved_bytes', { uuid: UUID, block_group_type: 'metadata' })).toBe(1048576);
    expect(value(f, 'node_btrfs_size_bytes', { uuid: UUID, block_group_type: 'data', mode: 'raid1' })).toBe(214748364800);
    expect(value(f, 'node_btrfs_used_bytes', { uuid: UUID, block_group_type: 'system', mode: 'raid1' })).toBe(16384);
    expect(value(f, 'node_btrfs_allocation_ratio', { uuid: UUID, block_group_type: 'data', mode: 'raid1' })).toBe(2);
    expect(value(f, 'node_btrfs_commits_total', { uuid: UUID })).toBe(1043);
    expect(value(f, 'node_btrfs_max_commit_seconds', { uuid: UUID })).toBe(0.481);
    expect(value(f, 'node_btrfs_commit_seconds_total', { uuid: UUID })).toBe(20.311);
    expect(labelSets(f, 'node_btrfs_device_size_bytes')).toEqual([`device=sdb,uuid=${UUID}`, `device=sdc,uuid=${UUID}`]);
    expect(value(f, 'node_btrfs_device_size_bytes', { device: 'sdb' })).toBe(1953525168 * 512);
  });
});

describe('btrfs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(btrfsCollector);
  });
});
