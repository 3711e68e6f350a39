import { describe, expect, it } from 'vitest';
import { conntrackCollector } from '../../src/collectors/conntrack.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('conntrack', () => {
  it('conntrack sums the per-CPU hex statistics', async () => {
    const fams = await run(conntrackCollector, defaultsContext());
    expect(value(fams, 'node_nf_conntrack_entries')).toBe(1842);
    expect(value(fams, 'node_nf_conntrack_entries_limit')).toBe(262144);
    expect(value(fams, 'node_nf_conntrack_stat_found')).toBe(14);
    expect(value(fams, 'node_nf_conntrack_stat_ignore')).toBe(48);
    expect(value(fams, 'node_nf_conntrack_stat_invalid')).toBe(4);
    expect(value(fams, 'node_nf_conntrack_stat_drop')).toBe(2);
    expect(value(fams, 'node_nf_conntrack_stat_early_drop')).toBe(1);
    expect(value(fams, 'node_nf_conntrack_stat_search_restart')).toBe(7);
    expect(value(fams, 'node_nf_conntrack_stat_insert_failed')).toBe(1);
  });
});
