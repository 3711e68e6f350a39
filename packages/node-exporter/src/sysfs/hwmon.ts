import { tryParseFloat } from './attributes.js';

/**
 * Pure side of the hwmon collector: sysfs file names → sensors, sensor readings → metric
 * samples, following node_exporter's naming (<type><n>_<property> files, units by type).
 */

export const HWMON_SENSOR_TYPES: ReadonlySet<string> = new Set([
  'vrm', 'beep_enable', 'update_interval', 'in', 'cpu', 'fan', 'pwm', 'temp', 'curr', 'power', 'energy', 'humidity', 'intrusion', 'freq',
]);

export interface SensorFileName {
  readonly type: string;
  readonly num: number;
  readonly property: string;
}

const FILE_NAME = /^([^0-9]+)([0-9]*)(?:_(.+))?$/;

/** Splits "temp1_crit_alarm" into type temp, num 1, property crit_alarm; undefined for non-sensor names. */
export function explodeSensorFileName(file: string): SensorFileName | undefined {
  const m = FILE_NAME.exec(file);
  if (!m) return undefined;
  const digits = m[2] as string;
  const num = digits === '' ? 0 : Number(digits);
  if (!Number.isSafeInteger(num)) return undefined;
  return { type: m[1] as string, num, property: m[3] ?? '' };
}

/** Lower-cases and replaces everything outside [a-z0-9:_] with "_", trimming "_" at both ends. */
export function cleanHwmonName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9:_]/g, '_').replace(/^_+|_+$/g, '');
}

/** Sensor key ("temp1") → property ("input", "" for a bare file) → raw value text. */
export type SensorData = Map<string, Map<string, string>>;

/** Adds one file's content if its name is a known sensor type. Returns whether it was used. */
export function addSensorFile(data: SensorData, file: string, content: string): boolean {
  const parts = explodeSensorFileName(file);
  if (!parts || !HWMON_SENSOR_TYPES.has(parts.type)) return false;
  const key = `${parts.type}${parts.num}`;
  let props = data.get(key);
  if (!props) {
    props = new Map();
    data.set(key, props);
  }
  props.set(parts.property, content.replace(/^\n+|\n+$/g, ''));
  return true;
}

export interface HwmonSample {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly value: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** Turns one chip's sensor data into samples with node_exporter's names, units and labels. */
export function hwmonSamples(chip: string, data: SensorData, sensorIgnored: (chipAndSensor: string) => boolean): HwmonSample[] {
  const out: HwmonSample[] = [];
  const g = (name: string, help: string, value: number, labels: Record<string, string>, type: 'gauge' | 'counter' = 'gauge'): void => {
    out.push({ name, help, type, value, labels });
  };
  for (const [sensor, props] of data) {
    if (sensorIgnored(`${chip};${sensor}`)) continue;
    const sensorType = explodeSensorFileName(sensor)?.type ?? sensor;
    const labels = { chip, sensor };
    const label = props.get('label');
    if (label !== undefined) {
      g('node_hwmon_sensor_label', 'Label the driver gives the sensor; always 1.', 1, { chip, sensor, label });
    }
    if (sensorType === 'beep_enable') {
      g('node_hwmon_beep_enabled', 'Whether the chip may beep on alarms.', props.get('') === '1' ? 1 : 0, labels);
      continue;
    }
    if (sensorType === 'vrm' || sensorType === 'update_interval') {
      const v = tryParseFloat(props.get('') ?? '');
      if (v === undefined) continue;
      if (sensorType === 'vrm') g('node_hwmon_voltage_regulator_version', 'Voltage regulator module version of the chip.', v, labels);
      else g('node_hwmon_update_interval_seconds', 'Interval at which the chip refreshes its readings, in seconds.', v * 0.001, labels);
      continue;
    }
    const prefix = `node_hwmon_${sensorType}`;
    for (const [element, raw] of props) {
      if (element === 'label') continue;
      let name = prefix;
      if (element === 'input') {
        if (props.has('')) name += '_input';
      } else if (element !== '') {
        name += `_${cleanHwmonName(element)}`;
      }
      const v = tryParseFloat(raw);
      if (v === undefined) continue;
      if (element === 'fault' || element === 'alarm') {
        g(name, `Sensor ${element} flag (${sensorType}).`, v, labels);
      } else if (element === 'beep') {
        g(`${name}_enabled`, 'Whether the sensor beeps on alarm.', v, labels);
      } else if (sensorType === 'in' || sensorType === 'cpu') {
        g(`${name}_volts`, `Voltage reading (${element}) in volts.`, v * 0.001, labels);
      } else if (sensorType === 'temp' && element !== 'type') {
        g(`${name}_celsius`, `Temperature reading (${element === '' ? 'input' : element}) in degrees Celsius.`, v * 0.001, labels);
      } else if (sensorType === 'curr') {
        g(`${name}_amps`, `Current reading (${element}) in amperes.`, v * 0.001, labels);
      } else if (sensorType === 'energy') {
        g(`${name}_joule_total`, `Energy consumed so far (${element}) in joules.`, v / 1e6, labels, 'counter');
      } else if (sensorType === 'power' && element === 'accuracy') {
        g(name, 'Accuracy of the power meter as a ratio.', v / 1e6, labels);
      } else if (sensorType === 'power' && (element === 'average_interval' || element === 'average_interval_min' || element === 'average_interval_max')) {
        g(`${name}_seconds`, `Power averaging interval (${element}) in seconds.`, v * 0.001, labels);
      } else if (sensorType === 'power') {
        g(`${name}_watt`, `Power reading (${element}) in watts.`, v / 1e6, labels);
      } else if (sensorType === 'humidity') {
        g(name, `Relative humidity (${element}) as a ratio.`, v / 1e6, labels);
      } else if (sensorType === 'fan' && (element === 'input' || element === 'min' || element === 'max' || element === 'target')) {
        g(`${name}_rpm`, `Fan speed (${element}) in revolutions per minute.`, v, labels);
      } else if (sensorType === 'freq' && element === 'input') {
        // node_exporter only reports labelled frequency sensors, keyed by their cleaned label.
        if (label !== undefined) g(`${name}_freq_mhz`, 'Frequency reading in MHz.', v / 1e6, { chip, sensor: cleanHwmonName(label) });
      } else {
        g(name, `Raw hwmon value: ${sensorType} ${element}.`, v, labels);
      }
    }
  }
  return out;
}

/**
 * The chip label: "<bus>_<device>" from the resolved `device` link (stable across reboots),
 * else the driver's `name`, else the hwmonN directory name. Inputs are already resolved paths/text.
 */
export function hwmonChipName(resolvedDevice: string | undefined, nameFile: string | undefined, resolvedDir: string): string | undefined {
  if (resolvedDevice !== undefined) {
    const parts = resolvedDevice.replace(/\/+$/, '').split('/');
    const devName = cleanHwmonName(parts[parts.length - 1] ?? '');
    const devType = cleanHwmonName(parts[parts.length - 2] ?? '');
    if (devType !== '' && devName !== '') return `${devType}_${devName}`;
    if (devName !== '') return devName;
  }
  if (nameFile !== undefined && nameFile !== '') {
    const clean = cleanHwmonName(nameFile);
    if (clean !== '') return clean;
  }
  const last = resolvedDir.replace(/\/+$/, '').split('/').pop() ?? '';
  const clean = cleanHwmonName(last);
  return clean === '' ? undefined : clean;
}

export interface ChipCandidate {
  /** Label from hwmonChipName(). */
  readonly base: string;
  /** The driver's name file, cleaned; '' when absent. */
  readonly name: string;
  /** The hwmonN directory name, cleaned. */
  readonly dir: string;
}

/**
 * Several hwmon nodes can hang off one device (asus-nb-wmi registers two), giving them the same
 * label. As node_exporter 1.12 does, a shared label gets the driver name appended when that
 * tells the nodes apart, else the always-unique hwmonN name; unique labels stay unchanged.
 */
export function disambiguateChips(chips: readonly ChipCandidate[]): string[] {
  const count = new Map<string, number>();
  for (const c of chips) count.set(c.base, (count.get(c.base) ?? 0) + 1);
  return chips.map((c) => {
    if ((count.get(c.base) ?? 0) < 2) return c.base;
    const group = chips.filter((o) => o.base === c.base);
    const names = group.map((o) => o.name);
    const byName = c.name !== '' && names.filter((n) => n === c.name).length === 1;
    return byName ? `${c.base}_${c.name}` : `${c.base}_${c.dir}`;
  });
}
