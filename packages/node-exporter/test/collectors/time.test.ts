import { describe, expect, it } from 'vitest';
import { timeCollector } from '../../src/collectors/time.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('time', () => {
  it('time reports now, the zone offset and the clock sources', async () => {
    const before = Date.now() / 1000;
    const fams = await run(timeCollector, defaultsContext());
    expect(value(fams, 'node_time_seconds')).toBeGreaterThanOrEqual(before);
    expect(value(fams, 'node_time_seconds')).toBeLessThanOrEqual(Date.now() / 1000);
    expect(family(fams, 'node_time_zone_offset_seconds').samples).toHaveLength(1);
    expect(labelSets(fams, 'node_time_clocksource_available_info')).toEqual([
      'clocksource=acpi_pm,device=0', 'clocksource=hpet,device=0', 'clocksource=tsc,device=0',
    ]);
    expect(labelSets(fams, 'node_time_clocksource_current_info')).toEqual(['clocksource=tsc,device=0']);
  });
});
