import { describe, expect, it } from 'vitest';
import { bcacheCollector } from '../../src/collectors/bcache.js';
import { dehumanize } from '../../src/sysfs/bcache.js';
import { run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

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

describe('bcache failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(bcacheCollector);
  });
});
