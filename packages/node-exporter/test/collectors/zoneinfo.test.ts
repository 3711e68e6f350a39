import { describe, expect, it } from 'vitest';
import { zoneinfoCollector } from '../../src/collectors/zoneinfo.js';
import { family, labelSets, run, value } from '../collect.js';

describe('zoneinfo', () => {
  it('reports the known keys per node and zone, per-node stats under the first zone, protection by index', async () => {
    const f = await run(zoneinfoCollector);
    expect(value(f, 'node_zoneinfo_managed_pages', { node: '0', zone: 'Normal' })).toBe(3329412);
    expect(value(f, 'node_zoneinfo_min_pages', { node: '0', zone: 'DMA' })).toBe(33);
    expect(value(f, 'node_zoneinfo_nr_anon_pages', { node: '0', zone: 'DMA' })).toBe(754905);
    expect(labelSets(f, 'node_zoneinfo_nr_anon_pages')).toEqual(['node=0,zone=DMA']);
    expect(value(f, 'node_zoneinfo_nr_kernel_stacks', { node: '0', zone: 'DMA' })).toBe(9904);
    expect(value(f, 'node_zoneinfo_numa_hit_total', { node: '0', zone: 'Normal' })).toBe(81751382);
    expect(family(f, 'node_zoneinfo_nr_dirtied_total').type).toBe('counter');
    expect(value(f, 'node_zoneinfo_protection_2', { node: '0', zone: 'DMA' })).toBe(15903);
    expect(f.some((x) => x.name.includes('boost') || x.name.includes('cma'))).toBe(false);
  });
});
