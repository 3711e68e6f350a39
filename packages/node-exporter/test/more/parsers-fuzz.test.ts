import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseSoftnetStat } from '../../src/procfs/softnet.js';
import { parseSchedstat } from '../../src/procfs/schedstat.js';
import { parseCpuList, parseCpufreq, CPUFREQ_FILES } from '../../src/sysfs/cpufreq.js';
import { parseNetClassIface, NETCLASS_FILES } from '../../src/sysfs/netclass.js';
import { addSensorFile, hwmonSamples, explodeSensorFileName, hwmonChipName } from '../../src/sysfs/hwmon.js';
import { parseCoolingDevice, parseThermalZone } from '../../src/sysfs/thermal.js';
import { FIXTURES, garbage } from './helpers.js';
import { extraParsers } from './parsers-registry.js';

/** Every parser must either return or throw ParseError: never TypeError, RangeError or a hang. */
function expectTyped(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
  }
}

const fixture = (p: string): string => readFileSync(`${FIXTURES}/${p}`, 'utf8');

const cases: Array<[string, string, (text: string) => unknown]> = [
  ['softnet_stat', fixture('proc/net/softnet_stat'), parseSoftnetStat],
  ['schedstat', fixture('proc/schedstat'), parseSchedstat],
  ['cpu list', '0-3,8,10-11\n', parseCpuList],
  ['cpufreq', '800000\n', (t) => parseCpufreq('0', Object.fromEntries(CPUFREQ_FILES.map((f) => [f, t])) as never)],
  ['netclass', '1\n', (t) => parseNetClassIface('eth0', Object.fromEntries(NETCLASS_FILES.map((f) => [f, t])))],
  ['thermal zone', '52000\n', (t) => parseThermalZone('thermal_zone0', t, t)],
  ['cooling device', '3\n', (t) => parseCoolingDevice('cooling_device0', t, t, t)],
  [
    'hwmon',
    '45000\n',
    (t) => {
      const data = new Map();
      for (const name of ['temp1_input', 'in0_max', 'fan1_input', 'power1_average_interval', 'freq1_input', 'freq1_label', 'vrm', t.slice(0, 12)]) {
        addSensorFile(data, name, t);
      }
      explodeSensorFileName(t);
      hwmonChipName(t, t, t);
      return hwmonSamples('c', data, () => false);
    },
  ],
  ...extraParsers,
];

describe('parsers under garbage input', () => {
  for (const [name, valid, parse] of cases) {
    it(`${name}: valid sample parses`, () => {
      expect(() => parse(valid)).not.toThrow();
    });
    it(`${name}: garbage gives a result or a ParseError`, () => {
      for (const text of garbage(valid, 300)) expectTyped(() => parse(text));
    });
  }
  it('rejects a short softnet row with a ParseError naming the line', () => {
    expect(() => parseSoftnetStat('00000001 00000002\n')).toThrow(/line 1/);
  });
  it('rejects a non-numeric schedstat counter', () => {
    expect(() => parseSchedstat('cpu0 1 2 3 4 5 6 x 8 9\n')).toThrow(ParseError);
  });
});

describe('softnet column layouts', () => {
  it('reads the newer columns and the CPU id on 5.10+ kernels, row position before', () => {
    const wide = parseSoftnetStat('00000010 00000001 00000002 0 0 0 0 0 00000003 00000004 00000005 00000006 00000007\n');
    expect(wide[0]).toEqual({ cpu: 7, processed: 16, dropped: 1, timeSqueezed: 2, cpuCollision: 3, receivedRps: 4, flowLimitCount: 5, backlogLen: 6 });
    const old = parseSoftnetStat('1 0 0 0 0 0 0 0 0\n2 0 0 0 0 0 0 0 0\n');
    expect(old.map((r) => r.cpu)).toEqual([0, 1]);
  });
});
