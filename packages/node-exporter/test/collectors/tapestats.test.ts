import { describe, expect, it } from 'vitest';
import { tapestatsCollector } from '../../src/collectors/tapestats.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('tapestats', () => {
  it('reports st0 only, ns converted to seconds', async () => {
    const f = await run(tapestatsCollector);
    expect(labelSets(f, 'node_tape_io_now')).toEqual(['device=st0']);
    expect(value(f, 'node_tape_io_now', { device: 'st0' })).toBe(1);
    expect(value(f, 'node_tape_write_time_seconds_total', { device: 'st0' })).toBeCloseTo(5233.597394395, 9);
    expect(value(f, 'node_tape_written_bytes_total', { device: 'st0' })).toBe(1496246784000);
    expect(value(f, 'node_tape_residual_total', { device: 'st0' })).toBe(19);
  });
});

describe('tapestats failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(tapestatsCollector);
  });
});
