import { describe, expect, it } from 'vitest';
import { thermalZoneCollector } from '../../src/collectors/thermal_zone.js';
import { run, value } from '../collect.js';
import { expectNoData, expectParseError } from '../failure-modes.js';

describe('thermal_zone', () => {
  it('reports zone temperatures and cooling devices', async () => {
    const f = await run(thermalZoneCollector);
    expect(value(f, 'node_thermal_zone_temp', { zone: '0', type: 'x86_pkg_temp' })).toBe(52);
    expect(value(f, 'node_thermal_zone_temp', { zone: '1', type: 'acpitz' })).toBe(27.8);
    expect(value(f, 'node_cooling_device_cur_state', { name: '1', type: 'intel_powerclamp' })).toBe(1);
    expect(value(f, 'node_cooling_device_max_state', { name: '0', type: 'Processor' })).toBe(10);
  });
});

describe('thermal_zone failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(thermalZoneCollector);
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(thermalZoneCollector, { 'sys/class/thermal/thermal_zone0/type': 'acpitz\n', 'sys/class/thermal/thermal_zone0/temp': 'hot\n' });
  });
});
