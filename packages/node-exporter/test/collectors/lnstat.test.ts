import { describe, expect, it } from 'vitest';
import { lnstatCollector } from '../../src/collectors/lnstat.js';
import { run, value } from '../collect.js';

describe('lnstat', () => {
  it('reports each column per subsystem and CPU as a counter', async () => {
    const f = await run(lnstatCollector);
    expect(value(f, 'node_lnstat_found_total', { subsystem: 'nf_conntrack', cpu: '0' })).toBe(10);
    expect(value(f, 'node_lnstat_search_restart_total', { subsystem: 'nf_conntrack', cpu: '1' })).toBe(2);
    expect(value(f, 'node_lnstat_clashres_total', { subsystem: 'nf_conntrack', cpu: '0' })).toBe(1);
    expect(value(f, 'node_lnstat_hits_total', { subsystem: 'arp_cache', cpu: '1' })).toBe(0x101);
    expect(value(f, 'node_lnstat_entries_total', { subsystem: 'arp_cache', cpu: '1' })).toBe(4);
  });
});
