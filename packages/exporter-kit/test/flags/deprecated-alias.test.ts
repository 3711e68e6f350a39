import { describe, expect, it } from 'vitest';
import { ConfigError, HelpShown, parseCommandLine, resolveFlagValues } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const spec = demoSpec([
  { name: 'demo.device-exclude', kind: 'regex', default: '', deprecatedAliases: ['demo.device-blacklist'], description: 'Devices to leave out.' },
]);

describe('deprecated aliases (FlagSpec.deprecatedAliases)', () => {
  it('the old name sets the new flag, with exactly one warning', () => {
    const { flags, warnings } = parseCommandLine(spec, ['--demo.device-blacklist=(?i)^LO$'], {});
    expect((flags['demo.device-exclude'] as RegExp).test('lo')).toBe(true);
    expect(flags['demo.device-blacklist']).toBeUndefined();
    expect(warnings).toEqual(['--demo.device-blacklist is deprecated and will be removed; use --demo.device-exclude']);
  });
  it('no warning when only the new name is used', () => {
    expect(parseCommandLine(spec, ['--demo.device-exclude=^lo$'], {}).warnings).toEqual([]);
  });
  it('its env var works too, with the same warning', () => {
    const { flags, warnings } = parseCommandLine(spec, [], { DEMO_DEMO_DEVICE_BLACKLIST: '^lo$' });
    expect((flags['demo.device-exclude'] as RegExp).test('lo')).toBe(true);
    expect(warnings).toHaveLength(1);
  });
  it('old and new together is a one-line start-up error', () => {
    const both = ['--demo.device-blacklist=^lo$', '--demo.device-exclude=^eth'];
    expect(() => parseCommandLine(spec, both, {})).toThrow(ConfigError);
    expect(() => parseCommandLine(spec, both, {})).toThrow(/^--demo.device-blacklist and --demo.device-exclude are mutually exclusive/);
  });
  it('--help names the alias next to the flag', () => {
    let help = '';
    try { parseCommandLine(spec, ['--help'], {}); } catch (err) { help = (err as HelpShown).output; }
    expect(help.replace(/\s+/g, ' ')).toContain('Deprecated alias: --demo.device-blacklist.');
  });
});

describe('resolveFlagValues (flags built by hand, e.g. in tests)', () => {
  const flags = spec.flags ?? [];
  it('parses values as the command line does, maps aliases with a warning, fills defaults unless told not to', () => {
    const r = resolveFlagValues(flags, { 'demo.device-blacklist': '^lo$' });
    expect((r.flags['demo.device-exclude'] as RegExp).test('lo')).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(resolveFlagValues([{ name: 'x', kind: 'duration', default: '5s', description: 'X.' }], {}).flags.x).toBe(5000);
    expect(resolveFlagValues([{ name: 'x', kind: 'duration', default: '5s', description: 'X.' }], {}, { defaults: false }).flags.x).toBeUndefined();
  });
});
