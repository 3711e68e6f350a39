import { ParseError } from './errors.js';

/** Kernel zoneinfo key → [metric suffix, counter?] (the keys procfs's Zoneinfo knows). */
export const ZONEINFO_FIELDS: Readonly<Record<string, readonly [string, boolean]>> = {
  nr_free_pages: ['nr_free_pages', false],
  min: ['min_pages', false],
  low: ['low_pages', false],
  high: ['high_pages', false],
  scanned: ['scanned_pages', false],
  spanned: ['spanned_pages', false],
  present: ['present_pages', false],
  managed: ['managed_pages', false],
  nr_active_anon: ['nr_active_anon_pages', false],
  nr_inactive_anon: ['nr_inactive_anon_pages', false],
  nr_isolated_anon: ['nr_isolated_anon_pages', false],
  nr_anon_pages: ['nr_anon_pages', false],
  nr_anon_transparent_hugepages: ['nr_anon_transparent_hugepages', false],
  nr_active_file: ['nr_active_file_pages', false],
  nr_inactive_file: ['nr_inactive_file_pages', false],
  nr_isolated_file: ['nr_isolated_file_pages', false],
  nr_file_pages: ['nr_file_pages', false],
  nr_slab_reclaimable: ['nr_slab_reclaimable_pages', false],
  nr_slab_unreclaimable: ['nr_slab_unreclaimable_pages', false],
  nr_mlock_stack: ['nr_mlock_stack_pages', false],
  nr_kernel_stack: ['nr_kernel_stacks', false],
  nr_mapped: ['nr_mapped_pages', false],
  nr_dirty: ['nr_dirty_pages', false],
  nr_writeback: ['nr_writeback_pages', false],
  nr_unevictable: ['nr_unevictable_pages', false],
  nr_shmem: ['nr_shmem_pages', false],
  nr_dirtied: ['nr_dirtied_total', true],
  nr_written: ['nr_written_total', true],
  numa_hit: ['numa_hit_total', true],
  numa_miss: ['numa_miss_total', true],
  numa_foreign: ['numa_foreign_total', true],
  numa_interleave: ['numa_interleave_total', true],
  numa_local: ['numa_local_total', true],
  numa_other: ['numa_other_total', true],
};

export interface Zone {
  readonly node: string;
  readonly zone: string;
  /** Known keys present in the zone's block (per-node stats land in the node's first zone, as the kernel prints them). */
  readonly values: Map<string, number>;
  readonly protection: number[];
}

/** /proc/zoneinfo: "Node N, zone NAME" blocks of "key value" lines and a "protection: (a, b, …)" line. */
export function parseZoneinfo(text: string): Zone[] {
  const zones: Zone[] = [];
  let current: Zone | undefined;
  for (const raw of text.split('\n')) {
    const head = /^Node\s+(\d+),\s*zone\s+(\w+)/.exec(raw);
    if (head) {
      current = { node: head[1] as string, zone: head[2] as string, values: new Map(), protection: [] };
      zones.push(current);
      continue;
    }
    const line = raw.trim();
    if (!current || line === '') continue;
    if (line.startsWith('protection:')) {
      const inner = /^protection:\s*\(([^)]*)\)/.exec(line);
      if (!inner) throw new ParseError(`zoneinfo: bad protection line ${JSON.stringify(line.slice(0, 60))}`);
      current.protection.splice(0, current.protection.length, ...(inner[1] as string).split(',').map((v) => {
        if (!/^\s*-?\d+\s*$/.test(v)) throw new ParseError(`zoneinfo: bad protection value ${JSON.stringify(v)}`);
        return Number(v);
      }));
      continue;
    }
    const [key, val] = line.split(/\s+/);
    if (key === undefined || val === undefined || ZONEINFO_FIELDS[key] === undefined) continue;
    if (!/^-?\d+$/.test(val)) throw new ParseError(`zoneinfo ${key}: ${JSON.stringify(val)} is not a number`);
    current.values.set(key, Number(val));
  }
  if (zones.length === 0) throw new ParseError('zoneinfo: no "Node N, zone X" block');
  return zones;
}
