import { describe, expect, it } from 'vitest';
import { meminfoCollector } from '../../src/collectors/meminfo.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('meminfo', () => {
  it('names fields as node_exporter does, kB as bytes, HugePages unsuffixed', async () => {
    const fams = await run(meminfoCollector, defaultsContext());
    expect(value(fams, 'node_memory_MemTotal_bytes')).toBe(16314368 * 1024);
    expect(value(fams, 'node_memory_MemAvailable_bytes')).toBe(9876544 * 1024);
    expect(value(fams, 'node_memory_Active_anon_bytes')).toBe(3210000 * 1024);
    expect(value(fams, 'node_memory_Inactive_file_bytes')).toBe(5308644 * 1024);
    expect(value(fams, 'node_memory_HugePages_Total')).toBe(8);
    expect(value(fams, 'node_memory_Hugepagesize_bytes')).toBe(2048 * 1024);
    expect(family(fams, 'node_memory_Slab_bytes').type).toBe('gauge');
    // One family per line of the fixture file.
    expect(fams).toHaveLength(54);
  });
});
