import { describe, expect, it } from 'vitest';
import { compileRe2, ConfigError, flagFilter, includeExcludeFilter, parseCommandLine, resolveFlagValues, type FlagSpec } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

describe('includeExcludeFilter (node_exporter device_filter.go semantics)', () => {
  const names = ['lo', 'eth0', 'eth1', 'docker0'];
  const kept = (include?: RegExp, exclude?: RegExp) => names.filter((n) => !includeExcludeFilter(include, exclude).ignored(n));
  it('no pattern keeps all; exclude = all except; include = none except', () => {
    expect(kept()).toEqual(names);
    expect(kept(undefined, /^eth/)).toEqual(['lo', 'docker0']);
    expect(kept(/^eth/)).toEqual(['eth0', 'eth1']);
    expect(kept(/^eth/, /1$/)).toEqual(['eth0']);
  });
});

describe('an include flag paired with its exclude flag (FlagSpec.excludeFlag)', () => {
  const spec = demoSpec([
    { name: 'demo.device-exclude', kind: 'regex', default: '^(ram|loop)\\d+$', description: 'Devices to leave out.' },
    { name: 'demo.device-include', kind: 'regex', default: '', excludeFlag: 'demo.device-exclude', description: 'Devices to report.' },
  ]);
  const filter = (argv: string[]) => flagFilter(parseCommandLine(spec, argv, {}).flags, { include: 'demo.device-include', exclude: 'demo.device-exclude' });
  it('the exclude default applies alone', () => {
    expect(filter([]).ignored('loop0')).toBe(true);
    expect(filter([]).ignored('sda')).toBe(false);
  });
  it('an include given alone replaces the exclude default', () => {
    const f = filter(['--demo.device-include=^loop']);
    expect(f.ignored('loop0')).toBe(false);
    expect(f.ignored('sda')).toBe(true);
  });
  it('both given is a one-line start-up error', () => {
    expect(() => filter(['--demo.device-include=^sd', '--demo.device-exclude=^loop'])).toThrow(ConfigError);
    expect(() => filter(['--demo.device-include=^sd', '--demo.device-exclude=^loop']))
      .toThrow('--demo.device-include and --demo.device-exclude are mutually exclusive; set only one');
  });
});

describe('which include values count as given (resolveFlagValues)', () => {
  const pair = (kind: 'regex' | 'string' | 'list', include: FlagSpec['default'], exclude: FlagSpec['default']): FlagSpec[] => [
    { name: 'demo.exclude', kind, default: exclude, description: 'Leave out.' },
    { name: 'demo.include', kind, default: include, excludeFlag: 'demo.exclude', description: 'Keep.' },
  ];
  const regex = pair('regex', '^sd', '^loop');
  const resolve = (specs: FlagSpec[], values: Record<string, unknown>) => resolveFlagValues(specs, values).flags;
  it('an include at its default, even a non-empty one, leaves the exclude default', () => {
    const both = { 'demo.exclude': compileRe2('^loop'), 'demo.include': compileRe2('^sd') };
    expect(resolve(regex, {})).toStrictEqual(both);
    expect(resolve(regex, { 'demo.include': '^sd' })).toStrictEqual(both);
    expect(resolve(regex, { 'demo.include': '^sd', 'demo.exclude': '^ram' })).toStrictEqual({ ...both, 'demo.exclude': compileRe2('^ram') });
  });
  it('an include set to another pattern drops the exclude default', () => {
    expect(resolve(regex, { 'demo.include': '^nvme' })).toStrictEqual({ 'demo.exclude': undefined, 'demo.include': compileRe2('^nvme') });
  });
  it('an include emptied on purpose is no include: the exclude stays, given or default', () => {
    expect(resolve(regex, { 'demo.include': '' })).toStrictEqual({ 'demo.exclude': compileRe2('^loop'), 'demo.include': undefined });
    expect(resolve(regex, { 'demo.include': '', 'demo.exclude': '^ram' })).toStrictEqual({ 'demo.exclude': compileRe2('^ram'), 'demo.include': undefined });
    expect(resolve(pair('string', 'ext4', 'tmpfs'), { 'demo.include': '' })).toStrictEqual({ 'demo.exclude': 'tmpfs', 'demo.include': '' });
    expect(resolve(pair('list', ['eth0'], ['lo']), { 'demo.include': [] })).toStrictEqual({ 'demo.exclude': ['lo'], 'demo.include': [] });
  });
  it('an exclude emptied on purpose does not conflict with an include', () => {
    expect(resolve(regex, { 'demo.include': '^nvme', 'demo.exclude': '' })).toStrictEqual({ 'demo.exclude': undefined, 'demo.include': compileRe2('^nvme') });
  });
  it('a list include with items drops the exclude default; with the exclude given too it is an error', () => {
    const lists = pair('list', [], ['lo']);
    expect(resolve(lists, { 'demo.include': ['wlan0'] })).toStrictEqual({ 'demo.exclude': undefined, 'demo.include': ['wlan0'] });
    expect(() => resolve(lists, { 'demo.include': ['wlan0'], 'demo.exclude': ['eth0'] }))
      .toThrow(new ConfigError('--demo.include and --demo.exclude are mutually exclusive; set only one'));
  });
});
