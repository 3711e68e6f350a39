import { describe, expect, it } from 'vitest';
import { CPUFREQ_FILES, parseCpufreq, parseCpuList, type CpufreqFile } from '../../src/sysfs/cpufreq.js';
import { readFixture, readFixtureDir } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

type Files = Record<CpufreqFile, string | undefined>;

/** The files of the parser's view, spelled out here so a changed CPUFREQ_FILES cannot hide a missing read. */
const FILE_NAMES: readonly CpufreqFile[] = [
  'cpuinfo_cur_freq', 'cpuinfo_avg_freq', 'cpuinfo_min_freq', 'cpuinfo_max_freq',
  'scaling_cur_freq', 'scaling_min_freq', 'scaling_max_freq', 'scaling_governor', 'scaling_available_governors',
];

/** One fixture CPU's cpufreq directory, an absent file as undefined (as the collector passes it). */
/** Only the given files present. */
const only = (files: Partial<Files>): Files => ({ ...Object.fromEntries(FILE_NAMES.map((f) => [f, undefined])), ...files }) as Files;

describe('cpufreq files', () => {
  it('lists the nine files the collector reads, in order', () => {
    expect(CPUFREQ_FILES).toEqual(FILE_NAMES);
  });

  it('reads fixture cpu0 with every frequency in Hz (kHz × 1000), the governor and the available governors', () => {
    expect(parseCpufreq('0', only(readFixtureDir('sys/devices/system/cpu/cpu0/cpufreq', FILE_NAMES)))).toEqual({
      cpu: '0',
      cpuinfoCurHz: 3100000000,
      cpuinfoAvgHz: undefined,
      cpuinfoMinHz: 800000000,
      cpuinfoMaxHz: 3600000000,
      scalingCurHz: 2900123000,
      scalingMinHz: 800000000,
      scalingMaxHz: 3600000000,
      governor: 'performance',
      availableGovernors: ['performance', 'powersave'],
    });
  });

  it('leaves cpuinfo_cur_freq absent on fixture cpu1, which has no such file', () => {
    expect(parseCpufreq('1', only(readFixtureDir('sys/devices/system/cpu/cpu1/cpufreq', FILE_NAMES)))).toEqual({
      cpu: '1',
      cpuinfoMinHz: 800000000,
      cpuinfoMaxHz: 3600000000,
      scalingCurHz: 2900123000,
      scalingMinHz: 800000000,
      scalingMaxHz: 3600000000,
      governor: 'powersave',
      availableGovernors: ['performance', 'powersave'],
    });
  });

  it('reads cpuinfo_avg_freq, padded values, and a governor list split on single blanks with empty names dropped', () => {
    expect(parseCpufreq('7', only({
      cpuinfo_avg_freq: ' 1200000 \n',
      scaling_governor: '  schedutil \n',
      scaling_available_governors: ' conservative  ondemand userspace \n',
    }))).toEqual({ cpu: '7', cpuinfoAvgHz: 1200000000, governor: 'schedutil', availableGovernors: ['conservative', 'ondemand', 'userspace'] });
  });

  it.each([
    ['no governor files', {}],
    ['a blank governor and a blank list', { scaling_governor: ' \n', scaling_available_governors: '\n' }],
  ])('gives no governor and an empty list for %s', (_what, files) => {
    expect(parseCpufreq('2', only(files))).toEqual({ cpu: '2', availableGovernors: [] });
  });

  it.each([
    ['cpuinfo_max_freq', '3.6GHz', 'cpu5/cpufreq/cpuinfo_max_freq: expected an unsigned integer, got "3.6GHz"'],
    ['scaling_cur_freq', '-1\n', 'cpu5/cpufreq/scaling_cur_freq: expected an unsigned integer, got "-1"'],
  ] as const)('refuses a bad %s naming the file', (file, text, message) => {
    expectParseError(() => parseCpufreq('5', only({ [file]: text })), message);
  });
});

describe('kernel CPU lists', () => {
  it.each([
    ['ranges and single CPUs', '0-3,8,10-11\n', [0, 1, 2, 3, 8, 10, 11]],
    ['the fixture offline list', readFixture('sys/devices/system/cpu/offline'), [3]],
    ['an empty file', '\n', []],
    ['an empty string', '', []],
    ['empty elements', ',12,,', [12]],
    ['a range of one CPU', '4-4', [4]],
  ])('reads %s', (_what, text, cpus) => {
    expect(parseCpuList(text)).toEqual(cpus);
  });

  it('accepts a range of 65537 CPUs (a span of 65536) starting above zero', () => {
    const cpus = parseCpuList('1-65537');
    expect([cpus.length, cpus[0], cpus[65536]]).toEqual([65537, 1, 65537]);
  });

  it.each([
    ['a reversed range', '5-3', 'invalid CPU range "5-3"'],
    ['a range spanning more than 65536', '1-65538', 'invalid CPU range "1-65538"'],
    ['a leading letter', 'x1', 'invalid CPU list element "x1"'],
    ['a trailing letter', '1x', 'invalid CPU list element "1x"'],
    ['an open range', '2-', 'invalid CPU list element "2-"'],
    ['a blank inside the list', '1, 2', 'invalid CPU list element " 2"'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseCpuList(text), message);
  });
});

describe('cpufreq parser under garbage input', () => {
  itSurvivesGarbage('cpu list', '0-3,8,10-11\n', parseCpuList);
  itSurvivesGarbage('cpufreq', '800000\n', (t) => parseCpufreq('0', Object.fromEntries(CPUFREQ_FILES.map((f) => [f, t])) as never));
});
