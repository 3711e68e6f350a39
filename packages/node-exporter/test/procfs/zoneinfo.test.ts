import { describe, expect, it } from 'vitest';
import { parseZoneinfo, ZONEINFO_FIELDS, type Zone } from '../../src/procfs/zoneinfo.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** A zone with its values as [key, value] pairs in file order (a Map compares without order). */
const plain = (z: Zone) => ({ node: z.node, zone: z.zone, values: [...z.values], protection: z.protection });

describe('zoneinfo parser', () => {
  it('reads each zone of the fixture with its known keys in file order, per-node stats in the node\'s first zone', () => {
    expect(parseZoneinfo(readFixture('proc/zoneinfo')).map(plain)).toEqual([
      {
        node: '0', zone: 'DMA',
        values: [
          ['nr_inactive_anon', 762497], ['nr_active_anon', 2101], ['nr_inactive_file', 175834], ['nr_active_file', 106846],
          ['nr_unevictable', 12], ['nr_slab_reclaimable', 52110], ['nr_slab_unreclaimable', 31022], ['nr_isolated_anon', 0],
          ['nr_isolated_file', 0], ['nr_anon_pages', 754905], ['nr_mapped', 60112], ['nr_file_pages', 282680], ['nr_dirty', 41],
          ['nr_writeback', 0], ['nr_shmem', 8112], ['nr_anon_transparent_hugepages', 310], ['nr_kernel_stack', 9904],
          ['nr_dirtied', 40112033], ['nr_written', 38102211],
          ['min', 33], ['low', 41], ['high', 49], ['spanned', 4095], ['present', 3998], ['managed', 3840],
          ['nr_free_pages', 3840], ['numa_hit', 0], ['numa_miss', 0], ['numa_foreign', 0], ['numa_interleave', 0], ['numa_local', 0], ['numa_other', 0],
        ],
        protection: [0, 2991, 15903, 15903, 15903],
      },
      {
        // The pagesets' "high:  450" is not the zone's "high" watermark.
        node: '0', zone: 'Normal',
        values: [
          ['min', 11201], ['low', 14001], ['high', 16801], ['spanned', 3407872], ['present', 3407872], ['managed', 3329412],
          ['nr_free_pages', 181203], ['numa_hit', 81751382], ['numa_miss', 0], ['numa_foreign', 0], ['numa_interleave', 2011],
          ['numa_local', 81751382], ['numa_other', 0],
        ],
        protection: [0, 0, 0, 0, 0],
      },
    ]);
  });

  it('reads multi-digit node numbers, any blank run in the header, and a zone without a protection line', () => {
    const text = 'Node 12,zone Normal\n  min 7\nNode  3,   zone\tMovable  \n\n  low\t\t8  \n';
    expect(parseZoneinfo(text).map(plain)).toEqual([
      { node: '12', zone: 'Normal', values: [['min', 7]], protection: [] },
      { node: '3', zone: 'Movable', values: [['low', 8]], protection: [] },
    ]);
  });

  it('ignores lines before the first zone, an indented header-like line and a known key without a value', () => {
    const text = 'min 1\nNode 0, zone DMA\n  Node 1, zone Fake 2\n  high\n  low 3\n';
    expect(parseZoneinfo(text).map(plain)).toEqual([{ node: '0', zone: 'DMA', values: [['low', 3]], protection: [] }]);
  });

  it('keeps the last value of a repeated key and the last protection line of a zone', () => {
    const text = 'Node 0, zone DMA\n  min 1\n  protection: (1, 2, 3)\n  min 2\n  protection:(4,5)\n';
    expect(parseZoneinfo(text).map(plain)).toEqual([{ node: '0', zone: 'DMA', values: [['min', 2]], protection: [4, 5] }]);
  });

  it.each([
    ['an empty file', '', 'zoneinfo: no "Node N, zone X" block'],
    ['a file without zone headers', 'min 1\nlow 2\n', 'zoneinfo: no "Node N, zone X" block'],
    ['a protection line without parentheses', 'Node 0, zone DMA\n protection: 0, 1\n', 'zoneinfo: bad protection line "protection: 0, 1"'],
    ['a protection line without its closing parenthesis', 'Node 0, zone DMA\n protection: (0, 1\n', 'zoneinfo: bad protection line "protection: (0, 1"'],
    ['a protection value with a leading letter', 'Node 0, zone DMA\n protection: (0, x1)\n', 'zoneinfo: bad protection value " x1"'],
    ['a protection value with a trailing letter', 'Node 0, zone DMA\n protection: (1x, 0)\n', 'zoneinfo: bad protection value "1x"'],
    ['an empty protection list', 'Node 0, zone DMA\n protection: ()\n', 'zoneinfo: bad protection value ""'],
    ['a value with a leading letter', 'Node 0, zone DMA\n managed x5\n', 'zoneinfo managed: "x5" is not a number'],
    ['a value with a trailing letter', 'Node 0, zone DMA\n  numa_hit 5x\n', 'zoneinfo numa_hit: "5x" is not a number'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseZoneinfo(text), message);
  });

  it('quotes at most 60 characters of a bad protection line', () => {
    const line = `protection: ${'1, '.repeat(30)}`;
    expectParseError(() => parseZoneinfo(`Node 0, zone DMA\n${line}\n`), `zoneinfo: bad protection line ${JSON.stringify(line.slice(0, 60))}`);
  });

  it('names each known key as node_exporter\'s node_zoneinfo_* metric and marks the counters', () => {
    expect(Object.entries(ZONEINFO_FIELDS).map(([key, [suffix, counter]]) => `${key}: ${suffix}${counter ? ' counter' : ''}`)).toEqual([
      'nr_free_pages: nr_free_pages', 'min: min_pages', 'low: low_pages', 'high: high_pages', 'scanned: scanned_pages',
      'spanned: spanned_pages', 'present: present_pages', 'managed: managed_pages', 'nr_active_anon: nr_active_anon_pages',
      'nr_inactive_anon: nr_inactive_anon_pages', 'nr_isolated_anon: nr_isolated_anon_pages', 'nr_anon_pages: nr_anon_pages',
      'nr_anon_transparent_hugepages: nr_anon_transparent_hugepages', 'nr_active_file: nr_active_file_pages',
      'nr_inactive_file: nr_inactive_file_pages', 'nr_isolated_file: nr_isolated_file_pages', 'nr_file_pages: nr_file_pages',
      'nr_slab_reclaimable: nr_slab_reclaimable_pages', 'nr_slab_unreclaimable: nr_slab_unreclaimable_pages',
      'nr_mlock_stack: nr_mlock_stack_pages', 'nr_kernel_stack: nr_kernel_stacks', 'nr_mapped: nr_mapped_pages', 'nr_dirty: nr_dirty_pages',
      'nr_writeback: nr_writeback_pages', 'nr_unevictable: nr_unevictable_pages', 'nr_shmem: nr_shmem_pages',
      'nr_dirtied: nr_dirtied_total counter', 'nr_written: nr_written_total counter', 'numa_hit: numa_hit_total counter',
      'numa_miss: numa_miss_total counter', 'numa_foreign: numa_foreign_total counter', 'numa_interleave: numa_interleave_total counter',
      'numa_local: numa_local_total counter', 'numa_other: numa_other_total counter',
    ]);
  });
});

describe('zoneinfo parser under garbage input', () => {
  itSurvivesGarbage('zoneinfo', 'Node 0, zone DMA\n  min 33\n  protection: (0, 1)\n  nr_free_pages 3\n', parseZoneinfo);
});
