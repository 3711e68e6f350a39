import { describe, expect, it } from 'vitest';
import {
  addSensorFile, cleanHwmonName, disambiguateChips, explodeSensorFileName, HWMON_SENSOR_TYPES, hwmonChipName, hwmonSamples,
  type HwmonSample, type SensorData,
} from '../../src/sysfs/hwmon.js';
import { readFixtureDir } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

/** Sensor data from files given as name → content, added in that order. */
function sensorData(files: Readonly<Record<string, string>>): SensorData {
  const data: SensorData = new Map();
  for (const [file, content] of Object.entries(files)) addSensorFile(data, file, content);
  return data;
}

/** The regular files of one fixture hwmon directory, sorted, with their contents. */
type Row = readonly [name: string, value: number, sensor: string, help: string, type?: 'counter'];

/** Expected samples of one chip, labelled { chip, sensor }. */
function samples(chip: string, rows: readonly Row[]): HwmonSample[] {
  return rows.map(([name, value, sensor, help, type]) => ({ name, help, type: type ?? 'gauge', value, labels: { chip, sensor } }));
}

function labelSample(chip: string, sensor: string, label: string): HwmonSample {
  return { name: 'node_hwmon_sensor_label', help: 'Label the driver gives the sensor; always 1.', type: 'gauge', value: 1, labels: { chip, sensor, label } };
}

const never = (): boolean => false;

describe('hwmon sensor file names', () => {
  it('knows node_exporter\'s sensor types (freq included, as 1.12 has it)', () => {
    expect([...HWMON_SENSOR_TYPES]).toEqual(['vrm', 'beep_enable', 'update_interval', 'in', 'cpu', 'fan', 'pwm', 'temp', 'curr', 'power', 'energy', 'humidity', 'intrusion', 'freq']);
  });

  it.each([
    ['temp1_crit_alarm', { type: 'temp', num: 1, property: 'crit_alarm' }],
    ['in0_input', { type: 'in', num: 0, property: 'input' }],
    ['fan12_target', { type: 'fan', num: 12, property: 'target' }],
    ['temp01_max', { type: 'temp', num: 1, property: 'max' }],
    ['pwm1', { type: 'pwm', num: 1, property: '' }],
    ['beep_enable', { type: 'beep_enable', num: 0, property: '' }],
    ['update_interval', { type: 'update_interval', num: 0, property: '' }],
    ['vrm', { type: 'vrm', num: 0, property: '' }],
    ['temp_', { type: 'temp_', num: 0, property: '' }],
    ['temp1_a', { type: 'temp', num: 1, property: 'a' }],
  ])('splits %s into type, number and property', (file, parts) => {
    expect(explodeSensorFileName(file)).toEqual(parts);
  });

  it.each(['', '1temp', '0', 'temp1x', 'temp1_', 'temp1-input', 'temp99999999999999999999_input'])('gives undefined for %j', (file) => {
    expect(explodeSensorFileName(file)).toBeUndefined();
  });

  it.each([
    ['Package id 0', 'package_id_0'],
    ['--Core 0--', 'core_0'],
    ['__x__', 'x'],
    ['_a_b_', 'a_b'],
    ['a:b_c9', 'a:b_c9'],
    ['coretemp.0', 'coretemp_0'],
    ['xÄY', 'x_y'],
    ['---', ''],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanHwmonName(raw)).toBe(clean);
  });
});

describe('hwmon sensor data', () => {
  it('takes the sensor files of fixture hwmon1 by sensor key and property, skipping the name file', () => {
    const data: SensorData = new Map();
    const files = readFixtureDir('sys/class/hwmon/hwmon1');
    const used = Object.entries(files).filter(([file, content]) => addSensorFile(data, file, content)).map(([file]) => file);
    expect(Object.keys(files).filter((f) => !used.includes(f))).toEqual(['name']);
    expect([...data].map(([sensor, props]) => [sensor, Object.fromEntries(props)])).toEqual([
      ['beep_enable0', { '': '1' }],
      ['curr1', { input: '1500' }],
      ['energy1', { input: '123456789' }],
      ['fan1', { alarm: '0', input: '1205', min: '300' }],
      ['humidity1', { input: '41500000' }],
      ['in0', { alarm: '0', beep: '0', input: '1016', max: '1744', min: '0' }],
      ['intrusion0', { alarm: '1' }],
      ['power1', { input: '12500000' }],
      ['pwm1', { '': '128', enable: '2' }],
      ['temp1', { input: '38000', type: '4' }],
      ['update_interval0', { '': '1000' }],
    ]);
  });

  it('strips only the newlines around a value and lets a later file overwrite the same property', () => {
    const data = sensorData({ temp01_input: '\n\n 4 5\n\n', temp1_label: 'CPU\nDie\n', temp1_max: '1', temp001_max: '2' });
    expect([...data].map(([sensor, props]) => [sensor, [...props]])).toEqual([['temp1', [['input', ' 4 5'], ['label', 'CPU\nDie'], ['max', '2']]]]);
  });

  it.each(['name', 'uevent', 'device', 'temp1x', 'foo1_input', '1_input'])('ignores %s, which is no sensor file', (file) => {
    const data: SensorData = new Map();
    expect(addSensorFile(data, file, '1\n')).toBe(false);
    expect(data.size).toBe(0);
  });
});

describe('hwmon samples', () => {
  it('names, converts and labels every reading of fixture hwmon1 as node_exporter does', () => {
    expect(hwmonSamples('platform_nct6775_656', sensorData(readFixtureDir('sys/class/hwmon/hwmon1')), never)).toEqual(samples('platform_nct6775_656', [
      ['node_hwmon_beep_enabled', 1, 'beep_enable0', 'Whether the chip may beep on alarms.'],
      ['node_hwmon_curr_amps', 1.5, 'curr1', 'Current reading (input) in amperes.'],
      ['node_hwmon_energy_joule_total', 123.456789, 'energy1', 'Energy consumed so far (input) in joules.', 'counter'],
      ['node_hwmon_fan_alarm', 0, 'fan1', 'Sensor alarm flag (fan).'],
      ['node_hwmon_fan_rpm', 1205, 'fan1', 'Fan speed (input) in revolutions per minute.'],
      ['node_hwmon_fan_min_rpm', 300, 'fan1', 'Fan speed (min) in revolutions per minute.'],
      ['node_hwmon_humidity', 41.5, 'humidity1', 'Relative humidity (input) as a ratio.'],
      ['node_hwmon_in_alarm', 0, 'in0', 'Sensor alarm flag (in).'],
      ['node_hwmon_in_beep_enabled', 0, 'in0', 'Whether the sensor beeps on alarm.'],
      ['node_hwmon_in_volts', 1.016, 'in0', 'Voltage reading (input) in volts.'],
      ['node_hwmon_in_max_volts', 1.744, 'in0', 'Voltage reading (max) in volts.'],
      ['node_hwmon_in_min_volts', 0, 'in0', 'Voltage reading (min) in volts.'],
      ['node_hwmon_intrusion_alarm', 1, 'intrusion0', 'Sensor alarm flag (intrusion).'],
      ['node_hwmon_power_watt', 12.5, 'power1', 'Power reading (input) in watts.'],
      ['node_hwmon_pwm', 128, 'pwm1', 'Raw hwmon value: pwm .'],
      ['node_hwmon_pwm_enable', 2, 'pwm1', 'Raw hwmon value: pwm enable.'],
      ['node_hwmon_temp_celsius', 38, 'temp1', 'Temperature reading (input) in degrees Celsius.'],
      ['node_hwmon_temp_type', 4, 'temp1', 'Raw hwmon value: temp type.'],
      ['node_hwmon_update_interval_seconds', 1, 'update_interval0', 'Interval at which the chip refreshes its readings, in seconds.'],
    ]));
  });

  it('reports fixture coretemp labels once per sensor, before its readings, and crit_alarm in °C as node_exporter does', () => {
    const chip = 'platform_coretemp_0';
    const temp = (element: string): string => `Temperature reading (${element}) in degrees Celsius.`;
    expect(hwmonSamples(chip, sensorData(readFixtureDir('sys/devices/platform/coretemp.0/hwmon/hwmon0')), never)).toEqual([
      labelSample(chip, 'temp1', 'Package id 0'),
      ...samples(chip, [
        ['node_hwmon_temp_crit_celsius', 100, 'temp1', temp('crit')],
        ['node_hwmon_temp_crit_alarm_celsius', 0, 'temp1', temp('crit_alarm')],
        ['node_hwmon_temp_celsius', 45, 'temp1', temp('input')],
        ['node_hwmon_temp_max_celsius', 80, 'temp1', temp('max')],
      ]),
      labelSample(chip, 'temp2', 'Core 0'),
      ...samples(chip, [
        ['node_hwmon_temp_celsius', 43.5, 'temp2', temp('input')],
        ['node_hwmon_temp_max_celsius', 80, 'temp2', temp('max')],
      ]),
    ]);
  });

  it('asks the sensor filter with "<chip>;<sensor>" and leaves out what it ignores', () => {
    const asked: string[] = [];
    const ignored = (key: string): boolean => {
      asked.push(key);
      return key === 'acpitz;temp1';
    };
    const data = sensorData({ temp1_input: '1000', temp2_input: '2000', vrm: '9', beep_enable: '1' });
    expect(hwmonSamples('acpitz', data, ignored).map((s) => `${s.name} ${s.labels.sensor}`)).toEqual([
      'node_hwmon_temp_celsius temp2', 'node_hwmon_voltage_regulator_version vrm0', 'node_hwmon_beep_enabled beep_enable0',
    ]);
    expect(asked).toEqual(['acpitz;temp1', 'acpitz;temp2', 'acpitz;vrm0', 'acpitz;beep_enable0']);
  });

  it('tells a bare reading from its _input twin, cleans property names and skips labels and unparsable values', () => {
    const data = sensorData({ temp1: '41000', temp1_input: '42000', 'temp1_Crit-Hyst': '-5000', temp1_max: 'N/A', temp1_label: '7', temp1_emergency: '1e5' });
    expect(hwmonSamples('c', data, never)).toEqual([
      labelSample('c', 'temp1', '7'),
      ...samples('c', [
        ['node_hwmon_temp_celsius', 41, 'temp1', 'Temperature reading (input) in degrees Celsius.'],
        ['node_hwmon_temp_input_celsius', 42, 'temp1', 'Temperature reading (input) in degrees Celsius.'],
        ['node_hwmon_temp_crit_hyst_celsius', -5, 'temp1', 'Temperature reading (Crit-Hyst) in degrees Celsius.'],
        ['node_hwmon_temp_emergency_celsius', 100, 'temp1', 'Temperature reading (emergency) in degrees Celsius.'],
      ]),
    ]);
  });

  it('gives each sensor type its unit: volts, amperes, joules, watts, seconds, ratios and rpm', () => {
    const data = sensorData({
      in1_fault: '1', cpu0_vid: '1250', curr1_max: '2500', energy2_input: '5000000',
      power1_accuracy: '50000', power1_average_interval: '1000', power1_average_interval_min: '250', power1_average_interval_max: '2000',
      power1_average: '12000000', power1_cap_alarm: '0', humidity2_min: '20000000',
      fan1_max: '5000', fan1_target: '1800', fan1_beep: '1', fan1_div: '4', intrusion1_beep: '0',
    });
    expect(hwmonSamples('c', data, never)).toEqual(samples('c', [
      ['node_hwmon_in_fault', 1, 'in1', 'Sensor fault flag (in).'],
      ['node_hwmon_cpu_vid_volts', 1.25, 'cpu0', 'Voltage reading (vid) in volts.'],
      ['node_hwmon_curr_max_amps', 2.5, 'curr1', 'Current reading (max) in amperes.'],
      ['node_hwmon_energy_joule_total', 5, 'energy2', 'Energy consumed so far (input) in joules.', 'counter'],
      ['node_hwmon_power_accuracy', 0.05, 'power1', 'Accuracy of the power meter as a ratio.'],
      ['node_hwmon_power_average_interval_seconds', 1, 'power1', 'Power averaging interval (average_interval) in seconds.'],
      ['node_hwmon_power_average_interval_min_seconds', 0.25, 'power1', 'Power averaging interval (average_interval_min) in seconds.'],
      ['node_hwmon_power_average_interval_max_seconds', 2, 'power1', 'Power averaging interval (average_interval_max) in seconds.'],
      ['node_hwmon_power_average_watt', 12, 'power1', 'Power reading (average) in watts.'],
      ['node_hwmon_power_cap_alarm_watt', 0, 'power1', 'Power reading (cap_alarm) in watts.'],
      ['node_hwmon_humidity_min', 20, 'humidity2', 'Relative humidity (min) as a ratio.'],
      ['node_hwmon_fan_max_rpm', 5000, 'fan1', 'Fan speed (max) in revolutions per minute.'],
      ['node_hwmon_fan_target_rpm', 1800, 'fan1', 'Fan speed (target) in revolutions per minute.'],
      ['node_hwmon_fan_beep_enabled', 1, 'fan1', 'Whether the sensor beeps on alarm.'],
      ['node_hwmon_fan_div', 4, 'fan1', 'Raw hwmon value: fan div.'],
      ['node_hwmon_intrusion_beep_enabled', 0, 'intrusion1', 'Whether the sensor beeps on alarm.'],
    ]));
  });

  it('reports a frequency input only with a label, keyed by the cleaned label', () => {
    const data = sensorData({ freq1_input: '1500000000', freq1_label: 'GFX Clock', freq2_input: '800000000', freq2_max: '2000' });
    expect(hwmonSamples('drm', data, never)).toEqual([
      labelSample('drm', 'freq1', 'GFX Clock'),
      { name: 'node_hwmon_freq_freq_mhz', help: 'Frequency reading in MHz.', type: 'gauge', value: 1500, labels: { chip: 'drm', sensor: 'gfx_clock' } },
      ...samples('drm', [['node_hwmon_freq_max', 2000, 'freq2', 'Raw hwmon value: freq max.']]),
    ]);
  });

  it('reads chip-wide vrm, update_interval and beep_enable only from their bare file', () => {
    const data = sensorData({ vrm: '9.1\n', vrm0_label: 'VRM', update_interval: '250', beep_enable: '0\n' });
    expect(hwmonSamples('c', data, never)).toEqual([
      labelSample('c', 'vrm0', 'VRM'),
      ...samples('c', [
        ['node_hwmon_voltage_regulator_version', 9.1, 'vrm0', 'Voltage regulator module version of the chip.'],
        ['node_hwmon_update_interval_seconds', 0.25, 'update_interval0', 'Interval at which the chip refreshes its readings, in seconds.'],
        ['node_hwmon_beep_enabled', 0, 'beep_enable0', 'Whether the chip may beep on alarms.'],
      ]),
    ]);
  });

  it('skips a chip-wide value that is missing or no number, and treats any beep_enable but "1" as off', () => {
    const data = sensorData({ vrm0_label: 'VRM', update_interval: 'n/a', beep_enable: '1 ' });
    expect(hwmonSamples('c', data, never)).toEqual([
      labelSample('c', 'vrm0', 'VRM'),
      ...samples('c', [['node_hwmon_beep_enabled', 0, 'beep_enable0', 'Whether the chip may beep on alarms.']]),
    ]);
    expect(hwmonSamples('c', sensorData({ vrm: 'x' }), never)).toEqual([]);
  });

  it('uses a sensor key that is no sensor file name as its own type', () => {
    const data: SensorData = new Map([['9', new Map([['', '5']])]]);
    expect(hwmonSamples('c', data, never)).toEqual(samples('c', [['node_hwmon_9', 5, '9', 'Raw hwmon value: 9 .']]));
  });
});

describe('hwmon chip names', () => {
  it.each([
    ['/sys/devices/platform/coretemp.0', 'coretemp', 'platform_coretemp_0'],
    ['/sys/devices/platform/coretemp.0//', undefined, 'platform_coretemp_0'],
    ['/sys/devices/pci0000:00/0000:00:18.3', undefined, 'pci0000:00_0000:00:18_3'],
    ['/coretemp.0', 'x', 'coretemp_0'],
    ['coretemp.0', 'x', 'coretemp_0'],
    ['/sys/devices/virtual/-', 'acpitz', 'acpitz'],
    ['/sys/devices/virtual/-', undefined, 'hwmon3'],
  ])('prefers the resolved device %j (name %j) → %s', (device, name, chip) => {
    expect(hwmonChipName(device, name, '/sys/devices/virtual/hwmon/hwmon3')).toBe(chip);
  });

  it.each([
    ['nct6779', '/sys/class/hwmon/hwmon1', 'nct6779'],
    ['Intel-GPU\n', '/x/hwmon1', 'intel_gpu'],
    ['', '/sys/class/hwmon/hwmon1', 'hwmon1'],
    ['---', '/sys/class/hwmon/hwmon2//', 'hwmon2'],
    [undefined, 'hwmon7', 'hwmon7'],
    [undefined, '/', undefined],
    ['', '/sys/class/hwmon/--', undefined],
  ])('without a device falls back to the name %j, then the directory %j → %s', (name, dir, chip) => {
    expect(hwmonChipName(undefined, name, dir)).toBe(chip);
  });

  it('leaves unique labels alone and suffixes shared ones with the driver name, else the hwmonN name', () => {
    expect(
      disambiguateChips([
        { base: 'platform_asus_nb_wmi', name: 'asus', dir: 'hwmon3' },
        { base: 'platform_asus_nb_wmi', name: 'asus_wmi', dir: 'hwmon4' },
        { base: 'ieee80211_phy0', name: 'mt7996_phy0', dir: 'hwmon5' },
        { base: 'ieee80211_phy0', name: 'mt7996_phy0', dir: 'hwmon6' },
        { base: 'platform_coretemp_0', name: 'coretemp', dir: 'hwmon0' },
      ]),
    ).toEqual(['platform_asus_nb_wmi_asus', 'platform_asus_nb_wmi_asus_wmi', 'ieee80211_phy0_hwmon5', 'ieee80211_phy0_hwmon6', 'platform_coretemp_0']);
  });

  it('counts driver names within one shared label only, and never suffixes an empty name', () => {
    expect(
      disambiguateChips([
        { base: 'a', name: 'n', dir: 'hwmon1' },
        { base: 'a', name: '', dir: 'hwmon2' },
        { base: 'a', name: 'm', dir: 'hwmon3' },
        { base: 'b', name: 'n', dir: 'hwmon4' },
        { base: 'a', name: 'm', dir: 'hwmon5' },
      ]),
    ).toEqual(['a_n', 'a_hwmon2', 'a_hwmon3', 'b', 'a_hwmon5']);
  });

  it('gives nothing for no chips', () => {
    expect(disambiguateChips([])).toEqual([]);
  });
});

describe('hwmon parser under garbage input', () => {
  itSurvivesGarbage('hwmon',
    '45000\n',
    (t) => {
      const data = new Map();
      for (const name of ['temp1_input', 'in0_max', 'fan1_input', 'power1_average_interval', 'freq1_input', 'freq1_label', 'vrm', t.slice(0, 12)]) {
        addSensorFile(data, name, t);
      }
      explodeSensorFileName(t);
      hwmonChipName(t, t, t);
      return hwmonSamples('c', data, () => false);
    },);
});
