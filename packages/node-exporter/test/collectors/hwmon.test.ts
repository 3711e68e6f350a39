import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { hwmonCollector } from '../../src/collectors/hwmon.js';
import { family, labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('hwmon', () => {
  it('names chips from the device link, the name file or the hwmon directory', async () => {
    const f = await run(hwmonCollector);
    expect(labelSets(f, 'node_hwmon_chip_names')).toEqual([
      'chip=acpitz,chip_name=acpitz',
      'chip=nct6779,chip_name=nct6779',
      'chip=platform_coretemp_0,chip_name=coretemp',
    ]);
  });
  it('converts units as node_exporter does', async () => {
    const f = await run(hwmonCollector);
    const c = { chip: 'platform_coretemp_0' };
    expect(value(f, 'node_hwmon_temp_celsius', { ...c, sensor: 'temp1' })).toBe(45);
    expect(value(f, 'node_hwmon_temp_crit_celsius', { ...c, sensor: 'temp1' })).toBe(100);
    expect(value(f, 'node_hwmon_temp_crit_alarm_celsius', { ...c, sensor: 'temp1' })).toBe(0);
    expect(value(f, 'node_hwmon_sensor_label', { ...c, sensor: 'temp1', label: 'Package id 0' })).toBe(1);
    const n = { chip: 'nct6779' };
    expect(value(f, 'node_hwmon_in_volts', { ...n, sensor: 'in0' })).toBeCloseTo(1.016, 12);
    expect(value(f, 'node_hwmon_in_max_volts', { ...n, sensor: 'in0' })).toBeCloseTo(1.744, 12);
    expect(value(f, 'node_hwmon_in_alarm', { ...n, sensor: 'in0' })).toBe(0);
    expect(value(f, 'node_hwmon_in_beep_enabled', { ...n, sensor: 'in0' })).toBe(0);
    expect(value(f, 'node_hwmon_fan_rpm', { ...n, sensor: 'fan1' })).toBe(1205);
    expect(value(f, 'node_hwmon_fan_min_rpm', { ...n, sensor: 'fan1' })).toBe(300);
    expect(value(f, 'node_hwmon_pwm', { ...n, sensor: 'pwm1' })).toBe(128);
    expect(value(f, 'node_hwmon_pwm_enable', { ...n, sensor: 'pwm1' })).toBe(2);
    expect(value(f, 'node_hwmon_beep_enabled', { ...n, sensor: 'beep_enable0' })).toBe(1);
    expect(value(f, 'node_hwmon_intrusion_alarm', { ...n, sensor: 'intrusion0' })).toBe(1);
    expect(value(f, 'node_hwmon_power_watt', { ...n, sensor: 'power1' })).toBe(12.5);
    expect(value(f, 'node_hwmon_energy_joule_total', { ...n, sensor: 'energy1' })).toBeCloseTo(123.456789, 9);
    expect(family(f, 'node_hwmon_energy_joule_total').type).toBe('counter');
    expect(value(f, 'node_hwmon_curr_amps', { ...n, sensor: 'curr1' })).toBe(1.5);
    expect(value(f, 'node_hwmon_temp_type', { ...n, sensor: 'temp1' })).toBe(4);
    expect(value(f, 'node_hwmon_humidity', { ...n, sensor: 'humidity1' })).toBe(41.5);
    expect(value(f, 'node_hwmon_update_interval_seconds', { ...n, sensor: 'update_interval0' })).toBe(1);
  });
  it('filters chips and chip;sensor pairs', async () => {
    const f = await run(hwmonCollector, fixtureContext({ 'collector.hwmon.chip-include': '^platform', 'collector.hwmon.sensor-exclude': ';temp2$' }));
    expect(labelSets(f, 'node_hwmon_temp_celsius')).toEqual(['chip=platform_coretemp_0,sensor=temp1']);
  });
  it('reports no data without /sys/class/hwmon', async () => {
    await expect(run(hwmonCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('hwmon failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(hwmonCollector);
  });
});
