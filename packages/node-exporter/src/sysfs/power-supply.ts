import { attrText, parseIntAttr } from './attributes.js';

/** [sysfs file, metric suffix, divisor]: µ-units → base units, tenths of °C → °C. */
export const POWER_SUPPLY_NUMERIC: ReadonlyArray<readonly [string, string, number]> = [
  ['authentic', 'authentic', 1],
  ['calibrate', 'calibrate', 1],
  ['capacity', 'capacity', 1],
  ['capacity_alert_max', 'capacity_alert_max', 1],
  ['capacity_alert_min', 'capacity_alert_min', 1],
  ['cycle_count', 'cyclecount', 1],
  ['online', 'online', 1],
  ['present', 'present', 1],
  ['time_to_empty_now', 'time_to_empty_seconds', 1],
  ['time_to_full_now', 'time_to_full_seconds', 1],
  ['current_boot', 'current_boot', 1e6],
  ['current_max', 'current_max', 1e6],
  ['current_now', 'current_ampere', 1e6],
  ['energy_empty', 'energy_empty', 1e6],
  ['energy_empty_design', 'energy_empty_design', 1e6],
  ['energy_full', 'energy_full', 1e6],
  ['energy_full_design', 'energy_full_design', 1e6],
  ['energy_now', 'energy_watthour', 1e6],
  ['voltage_boot', 'voltage_boot', 1e6],
  ['voltage_max', 'voltage_max', 1e6],
  ['voltage_max_design', 'voltage_max_design', 1e6],
  ['voltage_min', 'voltage_min', 1e6],
  ['voltage_min_design', 'voltage_min_design', 1e6],
  ['voltage_now', 'voltage_volt', 1e6],
  ['voltage_ocv', 'voltage_ocv', 1e6],
  ['charge_control_limit', 'charge_control_limit', 1e6],
  ['charge_control_limit_max', 'charge_control_limit_max', 1e6],
  ['charge_counter', 'charge_counter', 1e6],
  ['charge_empty', 'charge_empty', 1e6],
  ['charge_empty_design', 'charge_empty_design', 1e6],
  ['charge_full', 'charge_full', 1e6],
  ['charge_full_design', 'charge_full_design', 1e6],
  ['charge_now', 'charge_ampere', 1e6],
  ['charge_term_current', 'charge_term_current', 1e6],
  ['constant_charge_current', 'constant_charge_current', 1e6],
  ['constant_charge_current_max', 'constant_charge_current_max', 1e6],
  ['constant_charge_voltage', 'constant_charge_voltage', 1e6],
  ['constant_charge_voltage_max', 'constant_charge_voltage_max', 1e6],
  ['precharge_current', 'precharge_current', 1e6],
  ['input_current_limit', 'input_current_limit', 1e6],
  ['power_now', 'power_watt', 1e6],
  ['temp', 'temp_celsius', 10],
  ['temp_alert_max', 'temp_alert_max_celsius', 10],
  ['temp_alert_min', 'temp_alert_min_celsius', 10],
  ['temp_ambient', 'temp_ambient_celsius', 10],
  ['temp_ambient_max', 'temp_ambient_max_celsius', 10],
  ['temp_ambient_min', 'temp_ambient_min_celsius', 10],
  ['temp_max', 'temp_max_celsius', 10],
  ['temp_min', 'temp_min_celsius', 10],
];

/** Text attributes that become labels of node_power_supply_info when non-empty. */
export const POWER_SUPPLY_TEXT = [
  'capacity_level', 'charge_type', 'health', 'manufacturer', 'model_name', 'serial_number', 'status', 'technology', 'type', 'usb_type', 'scope',
] as const;

export interface PowerSupply {
  readonly name: string;
  /** metric suffix → value in base units */
  readonly values: ReadonlyArray<readonly [string, number]>;
  readonly info: Readonly<Record<string, string>>;
}

export function parsePowerSupply(name: string, files: Readonly<Record<string, string | undefined>>): PowerSupply {
  const values: Array<readonly [string, number]> = [];
  for (const [file, suffix, divisor] of POWER_SUPPLY_NUMERIC) {
    const raw = files[file];
    if (raw !== undefined) values.push([suffix, parseIntAttr(raw, `${name}/${file}`) / divisor]);
  }
  const info: Record<string, string> = { power_supply: name };
  for (const f of POWER_SUPPLY_TEXT) {
    const raw = files[f];
    // usb_type lists all types with the active one in brackets: keep the line as the kernel prints it.
    if (raw !== undefined && attrText(raw) !== '') info[f] = attrText(raw);
  }
  return { name, values, info };
}
