import { describe, expect, it } from 'vitest';
import { parsePowerSupply, POWER_SUPPLY_NUMERIC, POWER_SUPPLY_TEXT } from '../../src/sysfs/power-supply.js';
import { readFixtureDir } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const every = (names: readonly string[], t: string): Record<string, string> => Object.fromEntries(names.map((n) => [n, t]));

/** Every file of one fixture supply, whether the parser knows it or not. */
/**
 * node_exporter 1.5.0's numeric power_supply attributes by divisor, in our table order:
 * "file" keeps its name as metric suffix, "file:suffix" is renamed.
 */
const BY_DIVISOR: ReadonlyArray<readonly [number, string]> = [
  [1, 'authentic calibrate capacity capacity_alert_max capacity_alert_min cycle_count:cyclecount online present ' +
    'time_to_empty_now:time_to_empty_seconds time_to_full_now:time_to_full_seconds'],
  [1e6, 'current_boot current_max current_now:current_ampere energy_empty energy_empty_design energy_full energy_full_design ' +
    'energy_now:energy_watthour voltage_boot voltage_max voltage_max_design voltage_min voltage_min_design voltage_now:voltage_volt ' +
    'voltage_ocv charge_control_limit charge_control_limit_max charge_counter charge_empty charge_empty_design charge_full ' +
    'charge_full_design charge_now:charge_ampere charge_term_current constant_charge_current constant_charge_current_max ' +
    'constant_charge_voltage constant_charge_voltage_max precharge_current input_current_limit power_now:power_watt'],
  [10, 'temp:temp_celsius temp_alert_max:temp_alert_max_celsius temp_alert_min:temp_alert_min_celsius temp_ambient:temp_ambient_celsius ' +
    'temp_ambient_max:temp_ambient_max_celsius temp_ambient_min:temp_ambient_min_celsius temp_max:temp_max_celsius temp_min:temp_min_celsius'],
];
const EXPECTED_TABLE = BY_DIVISOR.flatMap(([divisor, list]) => list.split(' ').map((entry) => {
  const [file, suffix = file] = entry.split(':') as [string, string?];
  return [file, suffix, divisor];
}));

describe('power_supply attribute tables', () => {
  it('maps each numeric file to its metric suffix and unit divisor', () => {
    expect(POWER_SUPPLY_NUMERIC).toEqual(EXPECTED_TABLE);
  });

  it('lists the info label files in order', () => {
    expect(POWER_SUPPLY_TEXT.join(' ')).toBe('capacity_level charge_type health manufacturer model_name serial_number status technology type usb_type scope');
  });
});

describe('power_supply attributes', () => {
  it('reads fixture BAT0: numbers in table order and base units, texts trimmed into the info labels', () => {
    expect(parsePowerSupply('BAT0', readFixtureDir('sys/class/power_supply/BAT0'))).toEqual({
      name: 'BAT0',
      values: [
        ['capacity', 63], ['cyclecount', 231], ['present', 1], ['energy_full', 49.33], ['energy_full_design', 57.02], ['energy_watthour', 31.12],
        ['voltage_min_design', 11.4], ['voltage_volt', 12.091], ['power_watt', 9.812], ['temp_celsius', 29.1],
      ],
      info: {
        power_supply: 'BAT0', capacity_level: 'Normal', manufacturer: 'SMP', model_name: 'DELL 7FHKT', serial_number: '4242',
        status: 'Discharging', technology: 'Li-ion', type: 'Battery',
      },
    });
  });

  it('reads fixture AC: online and its type', () => {
    expect(parsePowerSupply('AC', readFixtureDir('sys/class/power_supply/AC'))).toEqual({ name: 'AC', values: [['online', 1]], info: { power_supply: 'AC', type: 'Mains' } });
  });

  it('divides every numeric file by its divisor, whatever the order of the input', () => {
    const files = Object.fromEntries(POWER_SUPPLY_NUMERIC.map(([file], i) => [file, `${-(i + 1) * 5}\n`]).reverse());
    expect(parsePowerSupply('x', files).values).toEqual(POWER_SUPPLY_NUMERIC.map(([, suffix, divisor], i) => [suffix, (-(i + 1) * 5) / divisor]));
  });

  it.each([
    ['temp', '-105\n', ['temp_celsius', -10.5]],
    ['current_now', ' 1500000 ', ['current_ampere', 1.5]],
    ['charge_now', '+2500', ['charge_ampere', 0.0025]],
    ['time_to_empty_now', '3600', ['time_to_empty_seconds', 3600]],
  ])('converts %s %j to %j', (file, raw, value) => {
    expect(parsePowerSupply('x', { [file]: raw }).values).toEqual([value]);
  });

  it('keeps every non-empty text as the kernel prints it (usb_type with its brackets), drops empty ones and unknown files', () => {
    const files = { ...every(POWER_SUPPLY_TEXT, ' \n'), usb_type: 'C [PD] PD_PPS\n', scope: 'System\n', health: ' Good ', charge_type: '', unknown: 'x' };
    expect(parsePowerSupply('ucsi', files)).toEqual({ name: 'ucsi', values: [], info: { power_supply: 'ucsi', usb_type: 'C [PD] PD_PPS', scope: 'System', health: 'Good' } });
  });

  it('gives only the power_supply label when nothing was readable', () => {
    expect(parsePowerSupply('BAT9', {})).toEqual({ name: 'BAT9', values: [], info: { power_supply: 'BAT9' } });
  });

  it.each([
    ['voltage_now', '12.5\n', 'BAT1/voltage_now: expected an integer, got "12.5"'],
    ['capacity', '', 'BAT1/capacity: expected an integer, got ""'],
    ['temp', '0x10', 'BAT1/temp: expected an integer, got "0x10"'],
  ])('refuses a non-integer %s naming the supply and file', (file, raw, message) => {
    expectParseError(() => parsePowerSupply('BAT1', { [file]: raw }), message);
  });
});

describe('power-supply parser under garbage input', () => {
  itSurvivesGarbage('power supply', '12000\n', (t) => parsePowerSupply('BAT0', every([...POWER_SUPPLY_NUMERIC.map(([f]) => f), ...POWER_SUPPLY_TEXT], t)));
});
