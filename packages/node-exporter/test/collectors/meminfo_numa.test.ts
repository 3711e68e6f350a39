import { describe, expect, it } from 'vitest';
import { meminfoNumaCollector } from '../../src/collectors/meminfo_numa.js';
import { family, run, value } from '../collect.js';

describe('meminfo_numa', () => {
  it('reports bytes per node (counts unscaled) and numastat counters', async () => {
    const f = await run(meminfoNumaCollector);
    expect(value(f, 'node_memory_numa_MemTotal', { node: '0' })).toBe(8388608 * 1024);
    expect(value(f, 'node_memory_numa_MemFree', { node: '1' })).toBe(2097152 * 1024);
    expect(value(f, 'node_memory_numa_Active_anon', { node: '0' })).toBe(524288 * 1024);
    expect(value(f, 'node_memory_numa_HugePages_Total', { node: '1' })).toBe(2);
    expect(value(f, 'node_memory_numa_numa_hit_total', { node: '1' })).toBe(123456790);
    expect(family(f, 'node_memory_numa_numa_hit_total').type).toBe('counter');
  });
});
