import { ParseError } from './errors.js';

/** [stats line tag, column, metric suffix] for the families node_exporter exports. */
export const XFS_FIELDS: ReadonlyArray<readonly [string, number, string]> = [
  ['extent_alloc', 0, 'extent_allocation_extents_allocated_total'],
  ['extent_alloc', 1, 'extent_allocation_blocks_allocated_total'],
  ['extent_alloc', 2, 'extent_allocation_extents_freed_total'],
  ['extent_alloc', 3, 'extent_allocation_blocks_freed_total'],
  ['abt', 0, 'allocation_btree_lookups_total'],
  ['abt', 1, 'allocation_btree_compares_total'],
  ['abt', 2, 'allocation_btree_records_inserted_total'],
  ['abt', 3, 'allocation_btree_records_deleted_total'],
  ['blk_map', 0, 'block_mapping_reads_total'],
  ['blk_map', 1, 'block_mapping_writes_total'],
  ['blk_map', 2, 'block_mapping_unmaps_total'],
  ['blk_map', 3, 'block_mapping_extent_list_insertions_total'],
  ['blk_map', 4, 'block_mapping_extent_list_deletions_total'],
  ['blk_map', 5, 'block_mapping_extent_list_lookups_total'],
  ['blk_map', 6, 'block_mapping_extent_list_compares_total'],
  ['bmbt', 0, 'block_map_btree_lookups_total'],
  ['bmbt', 1, 'block_map_btree_compares_total'],
  ['bmbt', 2, 'block_map_btree_records_inserted_total'],
  ['bmbt', 3, 'block_map_btree_records_deleted_total'],
  ['dir', 0, 'directory_operation_lookup_total'],
  ['dir', 1, 'directory_operation_create_total'],
  ['dir', 2, 'directory_operation_remove_total'],
  ['dir', 3, 'directory_operation_getdents_total'],
  ['ig', 0, 'inode_operation_attempts_total'],
  ['ig', 1, 'inode_operation_found_total'],
  ['ig', 2, 'inode_operation_recycled_total'],
  ['ig', 3, 'inode_operation_missed_total'],
  ['ig', 4, 'inode_operation_duplicates_total'],
  ['ig', 5, 'inode_operation_reclaims_total'],
  ['ig', 6, 'inode_operation_attribute_changes_total'],
  ['rw', 0, 'write_calls_total'],
  ['rw', 1, 'read_calls_total'],
  ['vnodes', 0, 'vnode_active_total'],
  ['vnodes', 1, 'vnode_allocate_total'],
  ['vnodes', 2, 'vnode_get_total'],
  ['vnodes', 3, 'vnode_hold_total'],
  ['vnodes', 4, 'vnode_release_total'],
  ['vnodes', 5, 'vnode_reclaim_total'],
  ['vnodes', 6, 'vnode_remove_total'],
];

/** /sys/fs/xfs/<dev>/stats/stats: "<tag> n n n…" lines → tag → numbers. */
export function parseXfsStats(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const [first, ...words] = line.split(/\s+/);
    // Linux 6.15+ prints "gc xpc <bytes>": a two-word tag (procfs reads it as GcXpc).
    const twoWord = first === 'gc' && words[0] === 'xpc';
    const tag = twoWord ? 'gc xpc' : first;
    const rest = twoWord ? words.slice(1) : words;
    const nums = rest.map((v) => {
      if (!/^\d+$/.test(v)) throw new ParseError(`xfs stats line ${JSON.stringify(tag)}: ${JSON.stringify(v)} is not a counter`);
      return Number(v);
    });
    out.set(tag as string, nums);
  }
  return out;
}
