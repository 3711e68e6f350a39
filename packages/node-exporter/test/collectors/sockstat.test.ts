import { describe, expect, it } from 'vitest';
import { sockstatCollector } from '../../src/collectors/sockstat.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('sockstat', () => {
  it('reports every protocol line and memory in bytes', async () => {
    const fams = await run(sockstatCollector, defaultsContext());
    expect(value(fams, 'node_sockstat_sockets_used')).toBe(512);
    expect(value(fams, 'node_sockstat_TCP_tw')).toBe(12);
    expect(value(fams, 'node_sockstat_TCP_mem')).toBe(30);
    expect(value(fams, 'node_sockstat_TCP_mem_bytes') % 30).toBe(0);
    expect(value(fams, 'node_sockstat_TCP_mem_bytes')).toBeGreaterThanOrEqual(30 * 4096);
    expect(value(fams, 'node_sockstat_FRAG6_memory')).toBe(0);
    expect(value(fams, 'node_sockstat_TCP6_inuse')).toBe(7);
    expect(fams).toHaveLength(20);
  });
});
