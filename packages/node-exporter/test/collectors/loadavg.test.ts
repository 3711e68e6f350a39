import { describe, expect, it } from 'vitest';
import { loadavgCollector } from '../../src/collectors/loadavg.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('loadavg', () => {
  it('reports the three load averages', async () => {
    const fams = await run(loadavgCollector, defaultsContext());
    expect([value(fams, 'node_load1'), value(fams, 'node_load5'), value(fams, 'node_load15')]).toEqual([1.25, 0.8, 0.45]);
  });
});
