import { describe, expect, it } from 'vitest';
import { buddyinfoCollector } from '../../src/collectors/buddyinfo.js';
import { family, run, value } from '../collect.js';

describe('buddyinfo', () => {
  it('reports free blocks per node, zone and order', async () => {
    const f = await run(buddyinfoCollector);
    expect(value(f, 'node_buddyinfo_blocks', { node: '0', zone: 'DMA32', size: '10' })).toBe(411);
    expect(value(f, 'node_buddyinfo_blocks', { node: '0', zone: 'Normal', size: '0' })).toBe(4021);
    expect(family(f, 'node_buddyinfo_blocks').samples).toHaveLength(33);
  });
});
