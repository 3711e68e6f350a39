import { describe, expect, it } from 'vitest';
import { mdadmCollector } from '../../src/collectors/mdadm.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('mdadm', () => {
  it('reports a degraded mirror, a recovering raid5, raid0, an inactive array and a pending resync', async () => {
    const fams = await run(mdadmCollector, defaultsContext());
    expect(value(fams, 'node_md_disks_required', { device: 'md0' })).toBe(2);
    expect(value(fams, 'node_md_disks', { device: 'md0', state: 'active' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md0', state: 'failed' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md0', state: 'active' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md1', state: 'recovering' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md1', state: 'active' })).toBe(0);
    expect(value(fams, 'node_md_blocks_synced', { device: 'md1' })).toBe(256512);
    expect(value(fams, 'node_md_blocks', { device: 'md1' })).toBe(2093056);
    expect(value(fams, 'node_md_disks_required', { device: 'md2' })).toBe(2);
    expect(value(fams, 'node_md_disks', { device: 'md2', state: 'active' })).toBe(2);
    expect(value(fams, 'node_md_state', { device: 'md3', state: 'inactive' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md3', state: 'spare' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md4', state: 'resync' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md4', state: 'spare' })).toBe(1);
    expect(family(fams, 'node_md_state').samples).toHaveLength(5 * 5);
  });
});
