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

import { bcacheCollector } from '../../src/collectors/bcache.js';
import { dehumanize } from '../../src/sysfs/bcache.js';
import { fixtureContext } from './helpers.js';

describe('bcache', () => {
  const uuid = '2f8e5b2c-41a9-4f0e-9d8c-0b3a7c6d5e41';
  it('decodes bch_hprint values the way procfs does', () => {
    expect(dehumanize('42')).toBe(42);
    expect(dehumanize('512k')).toBe(512 * 1024);
    expect(dehumanize('1.2G')).toBe(Math.trunc((1 + 2 / 10.24) * 2 ** 30));
    expect(dehumanize('-5.1k')).toBe(-Math.trunc((5 + 1 / 10.24) * 1024));
  });
  it('reports the cache set, backing device and cache device', async () => {
    const f = await run(bcacheCollector);
    expect(value(f, 'node_bcache_cache_available_percent', { uuid })).toBe(83);
    expect(value(f, 'node_bcache_btree_cache_size_bytes', { uuid })).toBe(Math.trunc((2 + 5 / 10.24) * 2 ** 20));
    expect(value(f, 'node_bcache_btree_read_average_duration_seconds', { uuid })).toBeCloseTo(1.305e-6, 15);
    expect(value(f, 'node_bcache_cache_read_races_total', { uuid })).toBe(2);
    const b = { uuid, backing_device: 'bdev0' };
    expect(value(f, 'node_bcache_dirty_data_bytes', b)).toBe(Math.trunc((1 + 2 / 10.24) * 2 ** 30));
    expect(value(f, 'node_bcache_dirty_target_bytes', b)).toBe(2 * 2 ** 30);
    expect(value(f, 'node_bcache_writeback_rate', b)).toBe(Math.trunc((1 + 1 / 10.24) * 2 ** 20));
    expect(value(f, 'node_bcache_writeback_rate_proportional_term', b)).toBe(-Math.trunc((5 + 1 / 10.24) * 1024));
    expect(value(f, 'node_bcache_cache_hits_total', b)).toBe(1289);
    expect(value(f, 'node_bcache_bypassed_bytes_total', b)).toBe(2 ** 30);
    const c = { uuid, cache_device: 'cache0' };
    expect(value(f, 'node_bcache_written_bytes_total', c)).toBe(Math.trunc((16 + 5 / 10.24) * 2 ** 20));
    expect(f.some((x) => x.name === 'node_bcache_priority_stats_unused_percent')).toBe(false);
  });
  it('reads priority_stats only with --collector.bcache.priorityStats', async () => {
    const f = await run(bcacheCollector, fixtureContext({ 'collector.bcache.priorityStats': true }));
    expect(value(f, 'node_bcache_priority_stats_unused_percent', { uuid, cache_device: 'cache0' })).toBe(41);
    expect(value(f, 'node_bcache_priority_stats_metadata_percent', { uuid, cache_device: 'cache0' })).toBe(1);
  });
});

import { dmmultipathCollector } from '../../src/collectors/dmmultipath.js';

describe('dmmultipath', () => {
  it('reports mpath devices only, with active and failed path counts', async () => {
    const f = await run(dmmultipathCollector);
    const l = { device: 'mpatha', sysfs_name: 'dm-0' };
    expect(labelSets(f, 'node_dmmultipath_device_info')).toEqual(['device=mpatha,sysfs_name=dm-0,uuid=mpath-3600508b400105e210000900000490000']);
    expect(value(f, 'node_dmmultipath_device_active', l)).toBe(1);
    expect(value(f, 'node_dmmultipath_device_size_bytes', l)).toBe(209715200 * 512);
    expect(value(f, 'node_dmmultipath_device_paths', l)).toBe(2);
    expect(value(f, 'node_dmmultipath_device_paths_active', l)).toBe(1);
    expect(value(f, 'node_dmmultipath_device_paths_failed', l)).toBe(1);
    expect(labelSets(f, 'node_dmmultipath_path_state')).toEqual(['device=mpatha,path=sdc,state=running', 'device=mpatha,path=sdd,state=offline']);
  });
});

import { bcachefsCollector } from '../../src/collectors/bcachefs.js';

describe('bcachefs', () => {
  const uuid = 'c4e1a9d2-7b3f-4e58-a0c6-19d2e8f7b310';
  it('reports filesystem sizes, compression, errors, counters and btree writes', async () => {
    const f = await run(bcachefsCollector);
    expect(value(f, 'node_bcachefs_info', { uuid })).toBe(1);
    expect(value(f, 'node_bcachefs_btree_cache_size_bytes', { uuid })).toBe(Math.trunc(38.5 * 2 ** 20));
    expect(value(f, 'node_bcachefs_compression_uncompressed_bytes', { uuid, algorithm: 'lz4' })).toBe(Math.trunc(3.25 * 2 ** 30));
    expect(value(f, 'node_bcachefs_compression_compressed_bytes', { uuid, algorithm: 'zstd' })).toBe(512 * 2 ** 20);
    expect(value(f, 'node_bcachefs_errors_total', { uuid, error_type: 'btree_node_read_error' })).toBe(2);
    expect(value(f, 'node_bcachefs_io_read_total', { uuid })).toBe(Math.trunc(1.25 * 2 ** 40));
    expect(value(f, 'node_bcachefs_btree_node_write_total', { uuid })).toBe(880131);
    expect(value(f, 'node_bcachefs_btree_writes_total', { uuid, type: 'initial' })).toBe(1201);
    expect(value(f, 'node_bcachefs_btree_write_average_size_bytes', { uuid, type: 'init_next_bset' })).toBe(4096);
  });
  it('reports member devices with I/O done and errors since creation', async () => {
    const f = await run(bcachefsCollector);
    const l = { uuid, device: '0' };
    expect(value(f, 'node_bcachefs_device_info', { ...l, label: 'ssd.ssd1', state: 'rw' })).toBe(1);
    expect(value(f, 'node_bcachefs_device_bucket_size_bytes', l)).toBe(512 * 1024);
    expect(value(f, 'node_bcachefs_device_buckets', l)).toBe(1907729);
    expect(value(f, 'node_bcachefs_device_io_done_bytes_total', { ...l, operation: 'write', data_type: 'journal' })).toBe(1207959552);
    expect(value(f, 'node_bcachefs_device_io_errors_total', { ...l, type: 'checksum' })).toBe(1);
    expect(family(f, 'node_bcachefs_device_io_errors_total').samples).toHaveLength(3);
  });
});
