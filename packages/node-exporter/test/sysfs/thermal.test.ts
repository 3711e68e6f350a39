import { describe, expect, it } from 'vitest';
import { parseCoolingDevice, parseThermalZone } from '../../src/sysfs/thermal.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const attr = (dir: string, file: string): string => readFixture(`sys/class/thermal/${dir}/${file}`);
const zone = (dir: string): ReturnType<typeof parseThermalZone> => parseThermalZone(dir, attr(dir, 'type'), attr(dir, 'temp'));
const cooling = (dir: string): ReturnType<typeof parseCoolingDevice> =>
  parseCoolingDevice(dir, attr(dir, 'type'), attr(dir, 'cur_state'), attr(dir, 'max_state'));

describe('thermal zones', () => {
  it('reads the fixture zones: number after thermal_zone, trimmed type, millidegrees as degrees Celsius', () => {
    expect([zone('thermal_zone0'), zone('thermal_zone1')]).toEqual([
      { zone: '0', type: 'x86_pkg_temp', celsius: 52 },
      { zone: '1', type: 'acpitz', celsius: 27.8 },
    ]);
  });

  it('reads a multi-digit zone number, a padded type and a negative temperature', () => {
    expect(parseThermalZone('thermal_zone12', ' iwlwifi_1 \n', ' -5500\n')).toEqual({ zone: '12', type: 'iwlwifi_1', celsius: -5.5 });
  });

  it.each([
    ['a directory without a number', 'thermal_zone', 'not a thermal zone directory: thermal_zone'],
    ['a directory with a prefix', 'xthermal_zone0', 'not a thermal zone directory: xthermal_zone0'],
    ['a directory with a suffix', 'thermal_zone0x', 'not a thermal zone directory: thermal_zone0x'],
    ['a cooling device directory', 'cooling_device0', 'not a thermal zone directory: cooling_device0'],
  ])('refuses %s', (_what, dir, message) => {
    expectParseError(() => parseThermalZone(dir, 'acpitz', '1000'), message);
  });

  it('refuses a temperature that is not an integer, naming the file', () => {
    expectParseError(() => parseThermalZone('thermal_zone3', 'acpitz', '45.5\n'), 'thermal_zone3/temp: expected an integer, got "45.5"');
  });
});

describe('cooling devices', () => {
  it('reads the fixture devices: number after cooling_device, trimmed type, current and maximum state', () => {
    expect([cooling('cooling_device0'), cooling('cooling_device1')]).toEqual([
      { name: '0', type: 'Processor', curState: 0, maxState: 10 },
      { name: '1', type: 'intel_powerclamp', curState: 1, maxState: 50 },
    ]);
  });

  it('reads a multi-digit device number and padded values', () => {
    expect(parseCoolingDevice('cooling_device23', '\tFan \n', ' 3\n', ' 7 \n')).toEqual({ name: '23', type: 'Fan', curState: 3, maxState: 7 });
  });

  it.each([
    ['a directory without a number', 'cooling_device', '1', '2', 'not a cooling device directory: cooling_device'],
    ['a directory with a prefix', 'xcooling_device0', '1', '2', 'not a cooling device directory: xcooling_device0'],
    ['a directory with a suffix', 'cooling_device0x', '1', '2', 'not a cooling device directory: cooling_device0x'],
    ['a negative cur_state', 'cooling_device4', '-1', '2', 'cooling_device4/cur_state: expected an unsigned integer, got "-1"'],
    ['a bad max_state', 'cooling_device4', '1', 'max\n', 'cooling_device4/max_state: expected an unsigned integer, got "max"'],
  ])('refuses %s', (_what, dir, cur, max, message) => {
    expectParseError(() => parseCoolingDevice(dir, 'Fan', cur, max), message);
  });
});

describe('thermal parser under garbage input', () => {
  itSurvivesGarbage('thermal zone', '52000\n', (t) => parseThermalZone('thermal_zone0', t, t));
  itSurvivesGarbage('cooling device', '3\n', (t) => parseCoolingDevice('cooling_device0', t, t, t));
});
