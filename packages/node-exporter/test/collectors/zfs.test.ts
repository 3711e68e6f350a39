import { describe, expect, it } from 'vitest';
import { zfsCollector } from '../../src/collectors/zfs.js';
import { family, run, value } from '../collect.js';
import { expectNoData, expectParseError } from '../failure-modes.js';

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

describe('zfs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(zfsCollector);
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(zfsCollector, { 'proc/spl/kstat/zfs/arcstats': 'no header here\n' });
  });
});
