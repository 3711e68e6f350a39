import { describe, expect, it } from 'vitest';
import { ConfigError, flagFilter, includeExcludeFilter, parseCommandLine } from '../../src/index.js';
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
