import { describe, expect, it } from 'vitest';
import { slabinfoCollector } from '../../src/collectors/slabinfo.js';
import { labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

describe('slabinfo', () => {
  it('reports the caches, filtered by name', async () => {
    const f = await run(slabinfoCollector, fixtureContext({ 'collector.slabinfo.slabs-exclude': '^kmalloc' }));
    expect(labelSets(f, 'node_slabinfo_objects')).toEqual(['slab=dentry', 'slab=ext4_inode_cache']);
    expect(value(f, 'node_slabinfo_active_objects', { slab: 'dentry' })).toBe(120331);
    expect(value(f, 'node_slabinfo_object_size_bytes', { slab: 'ext4_inode_cache' })).toBe(1176);
    expect(value(f, 'node_slabinfo_pages_per_slab', { slab: 'ext4_inode_cache' })).toBe(8);
  });
});
