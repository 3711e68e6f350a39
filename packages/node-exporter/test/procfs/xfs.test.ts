import { describe, expect, it } from 'vitest';
import { parseXfsStats, XFS_FIELDS } from '../../src/procfs/xfs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const FIXTURE = readFixture('sys/fs/xfs/sda3/stats/stats');

describe('xfs stats parser', () => {
  it('reads every line of the fixture as tag -> counters, in file order', () => {
    expect([...parseXfsStats(FIXTURE)]).toEqual([
      ['extent_alloc', [4260849, 125170297, 4618726, 131131897]],
      ['abt', [29491162, 337391304, 11257328, 11133039]],
      ['blk_map', [381213360, 115456141, 10903633, 69612322, 7448401, 507596777, 0]],
      ['bmbt', [771328, 6236258, 602114, 86646]],
      ['dir', [21253907, 6921870, 6969056, 779205554]],
      ['trans', [126946406, 38184616, 6342392]],
      ['ig', [17754368, 2019571, 102, 15734797, 0, 15672217, 3962470]],
      ['log', [28808355, 1180476, 0, 28732398, 7960]],
      ['push_ail', [66478218, 0, 1221124, 1050, 0, 1142, 5, 19, 0, 9]],
      ['xstrat', [4260849, 0]],
      ['rw', [1606155719, 4033223030]],
      ['attr', [20209020, 0, 0, 0]],
      ['icluster', [7048520, 1062963, 55521117]],
      ['vnodes', [15734797, 0, 0, 0, 15672217, 15672217, 15672217, 0]],
      ['buf', [1431812431, 3042, 1431810000, 1120, 126, 2431, 0, 126, 0]],
    ]);
  });

  it('trims each line, splits on runs of blanks and tabs and skips blank lines', () => {
    expect([...parseXfsStats('\n  rw   1\t\t2  \n\n \t\nxstrat 3 4\r\n')]).toEqual([['rw', [1, 2]], ['xstrat', [3, 4]]]);
  });

  it('keeps a tag without counters as an empty list and the last of a repeated tag', () => {
    expect([...parseXfsStats('debug\nrw 1 2\nrw 3 4\n')]).toEqual([['debug', []], ['rw', [3, 4]]]);
  });

  it('reads the two-word "gc xpc" tag of Linux 6.15+ (as procfs does) and nothing else as two words', () => {
    expect([...parseXfsStats('xpc 1 2 3\ndefer_relog 4\ngc xpc 5\ngc 6\n')]).toEqual([
      ['xpc', [1, 2, 3]], ['defer_relog', [4]], ['gc xpc', [5]], ['gc', [6]],
    ]);
  });

  it.each([
    ['a word among the counters', 'rw 1 two\n', 'xfs stats line "rw": "two" is not a counter'],
    ['a counter with a trailing letter', 'abt 1 2x\n', 'xfs stats line "abt": "2x" is not a counter'],
    ['a counter with a leading letter', 'abt x2\n', 'xfs stats line "abt": "x2" is not a counter'],
    ['a negative counter', 'dir -1\n', 'xfs stats line "dir": "-1" is not a counter'],
    ['"xpc" after a tag other than gc', 'xstrat xpc 1\n', 'xfs stats line "xstrat": "xpc" is not a counter'],
    ['a word after the gc xpc tag', 'gc xpc many\n', 'xfs stats line "gc xpc": "many" is not a counter'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseXfsStats(text), message);
  });

  it('maps node_exporter\'s xfs metrics to the stats tag and column they read', () => {
    const stats = parseXfsStats(FIXTURE);
    const picked = XFS_FIELDS.map(([tag, col, suffix]) => `${suffix} = ${tag}[${col}] = ${stats.get(tag)?.[col]}`);
    expect(picked).toEqual([
      'extent_allocation_extents_allocated_total = extent_alloc[0] = 4260849',
      'extent_allocation_blocks_allocated_total = extent_alloc[1] = 125170297',
      'extent_allocation_extents_freed_total = extent_alloc[2] = 4618726',
      'extent_allocation_blocks_freed_total = extent_alloc[3] = 131131897',
      'allocation_btree_lookups_total = abt[0] = 29491162',
      'allocation_btree_compares_total = abt[1] = 337391304',
      'allocation_btree_records_inserted_total = abt[2] = 11257328',
      'allocation_btree_records_deleted_total = abt[3] = 11133039',
      'block_mapping_reads_total = blk_map[0] = 381213360',
      'block_mapping_writes_total = blk_map[1] = 115456141',
      'block_mapping_unmaps_total = blk_map[2] = 10903633',
      'block_mapping_extent_list_insertions_total = blk_map[3] = 69612322',
      'block_mapping_extent_list_deletions_total = blk_map[4] = 7448401',
      'block_mapping_extent_list_lookups_total = blk_map[5] = 507596777',
      'block_mapping_extent_list_compares_total = blk_map[6] = 0',
      'block_map_btree_lookups_total = bmbt[0] = 771328',
      'block_map_btree_compares_total = bmbt[1] = 6236258',
      'block_map_btree_records_inserted_total = bmbt[2] = 602114',
      'block_map_btree_records_deleted_total = bmbt[3] = 86646',
      'directory_operation_lookup_total = dir[0] = 21253907',
      'directory_operation_create_total = dir[1] = 6921870',
      'directory_operation_remove_total = dir[2] = 6969056',
      'directory_operation_getdents_total = dir[3] = 779205554',
      'inode_operation_attempts_total = ig[0] = 17754368',
      'inode_operation_found_total = ig[1] = 2019571',
      'inode_operation_recycled_total = ig[2] = 102',
      'inode_operation_missed_total = ig[3] = 15734797',
      'inode_operation_duplicates_total = ig[4] = 0',
      'inode_operation_reclaims_total = ig[5] = 15672217',
      'inode_operation_attribute_changes_total = ig[6] = 3962470',
      // procfs: "rw" is write then read (procfs#343).
      'write_calls_total = rw[0] = 1606155719',
      'read_calls_total = rw[1] = 4033223030',
      'vnode_active_total = vnodes[0] = 15734797',
      'vnode_allocate_total = vnodes[1] = 0',
      'vnode_get_total = vnodes[2] = 0',
      'vnode_hold_total = vnodes[3] = 0',
      'vnode_release_total = vnodes[4] = 15672217',
      'vnode_reclaim_total = vnodes[5] = 15672217',
      'vnode_remove_total = vnodes[6] = 15672217',
    ]);
  });
});

describe('xfs parser under garbage input', () => {
  itSurvivesGarbage('xfs stats', 'rw 1 2\nvnodes 1 2 3 4 5 6 7 8\n', parseXfsStats);
});
