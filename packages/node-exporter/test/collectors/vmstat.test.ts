import { describe, expect, it } from 'vitest';
import { vmstatCollector } from '../../src/collectors/vmstat.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('vmstat', () => {
  it('keeps only the default fields, untyped', async () => {
    const fams = await run(vmstatCollector, defaultsContext());
    expect(fams.map((f) => f.name).sort()).toEqual([
      'node_vmstat_oom_kill', 'node_vmstat_pgfault', 'node_vmstat_pgmajfault', 'node_vmstat_pgpgin', 'node_vmstat_pgpgout', 'node_vmstat_pswpin', 'node_vmstat_pswpout',
    ]);
    expect(value(fams, 'node_vmstat_pgmajfault')).toBe(4321);
    expect(family(fams, 'node_vmstat_oom_kill').type).toBe('untyped');
  });
});
