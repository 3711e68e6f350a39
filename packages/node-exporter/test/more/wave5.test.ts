import { describe, expect, it } from 'vitest';
import { btrfsCollector } from '../../src/collectors/btrfs.js';
import { zfsCollector } from '../../src/collectors/zfs.js';
import { family, labelSets, run, value } from './helpers.js';

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

describe('zfs', () => {
  it('names kstats node_zfs_<subsystem>_<name>, untyped, numeric rows only', async () => {
    const f = await run(zfsCollector);
    expect(value(f, 'node_zfs_arc_hits')).toBe(81920331);
    expect(value(f, 'node_zfs_arc_arc_meta_limit')).toBe(6442450944);
    expect(value(f, 'node_zfs_arc_memory_available_bytes')).toBe(1073741824);
    expect(family(f, 'node_zfs_arc_hits').type).toBe('untyped');
    expect(value(f, 'node_zfs_zil_zil_commit_count')).toBe(10221);
    expect(value(f, 'node_zfs_dmu_tx_dmu_tx_assigned')).toBe(5521022);
    expect(value(f, 'node_zfs_fm_erpt_dropped')).toBe(18);
  });
  it('reports pool I/O, datasets and one state series per known state', async () => {
    const f = await run(zfsCollector);
    expect(value(f, 'node_zfs_zpool_nwritten', { zpool: 'tank' })).toBe(3206144);
    expect(value(f, 'node_zfs_zpool_wlentime', { zpool: 'tank' })).toBe(104112268);
    expect(value(f, 'node_zfs_zpool_dataset_nwritten', { zpool: 'tank', dataset: 'tank/backups' })).toBe(1048576);
    expect(f.some((x) => x.name === 'node_zfs_zpool_dataset_dataset_name')).toBe(false);
    expect(value(f, 'node_zfs_zpool_state', { zpool: 'tank', state: 'online' })).toBe(1);
    expect(value(f, 'node_zfs_zpool_state', { zpool: 'scratch', state: 'degraded' })).toBe(1);
    expect(value(f, 'node_zfs_zpool_state', { zpool: 'scratch', state: 'online' })).toBe(0);
    expect(family(f, 'node_zfs_zpool_state').samples).toHaveLength(14);
  });
});
