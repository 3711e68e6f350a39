import { describe, expect, it } from 'vitest';
import { cgroupsCollector } from '../../src/collectors/cgroups.js';
import { run, value } from '../collect.js';

describe('cgroups', () => {
  it('reports cgroup controllers', async () => {
    const f = await run(cgroupsCollector);
    expect(value(f, 'node_cgroups_cgroups', { subsys_name: 'memory' })).toBe(112);
    expect(value(f, 'node_cgroups_enabled', { subsys_name: 'hugetlb' })).toBe(0);
  });
});
