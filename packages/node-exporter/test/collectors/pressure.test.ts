import { describe, expect, it } from 'vitest';
import { pressureCollector } from '../../src/collectors/pressure.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('pressure', () => {
  it('pressure converts microseconds to seconds', async () => {
    const fams = await run(pressureCollector, defaultsContext());
    expect(value(fams, 'node_pressure_cpu_waiting_seconds_total')).toBe(123.456789);
    expect(value(fams, 'node_pressure_io_waiting_seconds_total')).toBe(4.5);
    expect(value(fams, 'node_pressure_io_stalled_seconds_total')).toBe(2.5);
    expect(value(fams, 'node_pressure_memory_stalled_seconds_total')).toBe(0.0005);
    expect(fams).toHaveLength(5);
  });
});
