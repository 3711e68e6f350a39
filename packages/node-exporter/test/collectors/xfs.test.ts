import { describe, expect, it } from 'vitest';
import { xfsCollector } from '../../src/collectors/xfs.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('xfs', () => {
  it('maps the stats lines per device and skips the global aggregate', async () => {
    const f = await run(xfsCollector);
    expect(labelSets(f, 'node_xfs_read_calls_total')).toEqual(['device=sda3']);
    expect(value(f, 'node_xfs_read_calls_total', { device: 'sda3' })).toBe(4033223030);
    expect(value(f, 'node_xfs_write_calls_total', { device: 'sda3' })).toBe(1606155719);
    expect(value(f, 'node_xfs_extent_allocation_blocks_freed_total', { device: 'sda3' })).toBe(131131897);
    expect(value(f, 'node_xfs_inode_operation_attribute_changes_total', { device: 'sda3' })).toBe(3962470);
    expect(value(f, 'node_xfs_vnode_remove_total', { device: 'sda3' })).toBe(15672217);
    expect(f).toHaveLength(39);
  });
});

describe('xfs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(xfsCollector);
  });
});
