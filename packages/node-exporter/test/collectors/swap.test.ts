import { describe, expect, it } from 'vitest';
import { swapCollector } from '../../src/collectors/swap.js';
import { run, value } from '../collect.js';

describe('swap', () => {
  it('reports each swap area in bytes with its priority', async () => {
    const f = await run(swapCollector);
    expect(value(f, 'node_swap_size_bytes', { device: '/dev/zram0', type: 'partition' })).toBe(8388604 * 1024);
    expect(value(f, 'node_swap_used_bytes', { device: '/dev/zram0', type: 'partition' })).toBe(1048576 * 1024);
    expect(value(f, 'node_swap_priority', { device: '/swapfile', type: 'file' })).toBe(-2);
  });
});
