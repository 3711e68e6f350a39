import { describe, expect, it } from 'vitest';
import { ksmdCollector } from '../../src/collectors/ksmd.js';
import { family, run, value } from '../collect.js';

describe('ksmd', () => {
  it('reports KSM state, sleep in seconds, full scans as a counter', async () => {
    const f = await run(ksmdCollector);
    expect(ksmdCollector.defaultEnabled).toBe(false);
    expect(value(f, 'node_ksmd_full_scans_total')).toBe(41);
    expect(family(f, 'node_ksmd_full_scans_total').type).toBe('counter');
    expect(value(f, 'node_ksmd_pages_sharing')).toBe(9981);
    expect(value(f, 'node_ksmd_sleep_seconds')).toBe(0.02);
    expect(value(f, 'node_ksmd_general_profit_bytes')).toBe(-4096);
    expect(f).toHaveLength(10);
  });
});
