import { describe, expect, it } from 'vitest';
import { powerSupplyClassCollector } from '../../src/collectors/powersupplyclass.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

describe('powersupplyclass', () => {
  it('converts units and labels info with the non-empty text attributes', async () => {
    const f = await run(powerSupplyClassCollector);
    expect(value(f, 'node_power_supply_online', { power_supply: 'AC' })).toBe(1);
    expect(value(f, 'node_power_supply_capacity', { power_supply: 'BAT0' })).toBe(63);
    expect(value(f, 'node_power_supply_cyclecount', { power_supply: 'BAT0' })).toBe(231);
    expect(value(f, 'node_power_supply_voltage_volt', { power_supply: 'BAT0' })).toBe(12.091);
    expect(value(f, 'node_power_supply_power_watt', { power_supply: 'BAT0' })).toBe(9.812);
    expect(value(f, 'node_power_supply_energy_watthour', { power_supply: 'BAT0' })).toBe(31.12);
    expect(value(f, 'node_power_supply_temp_celsius', { power_supply: 'BAT0' })).toBe(29.1);
    expect(labelSets(f, 'node_power_supply_info')).toEqual([
      'capacity_level=Normal,manufacturer=SMP,model_name=DELL 7FHKT,power_supply=BAT0,serial_number=4242,status=Discharging,technology=Li-ion,type=Battery',
      'power_supply=AC,type=Mains',
    ]);
  });
  it('honours ignored-supplies', async () => {
    const f = await run(powerSupplyClassCollector, fixtureContext({ 'collector.powersupply.ignored-supplies': '^BAT' }));
    expect(labelSets(f, 'node_power_supply_info')).toEqual(['power_supply=AC,type=Mains']);
  });
});

describe('powersupplyclass failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(powerSupplyClassCollector);
  });
});
