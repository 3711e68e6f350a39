import { describe, expect, it } from 'vitest';
import { compileRe2, ConfigError, HelpShown, parseCommandLine, resolveFlagValues, type FlagSpec } from '../../src/index.js';
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
  it('the new name alone: no warning and no conflict, though the flag has an alias', () => {
    const r = resolveFlagValues(flags, { 'demo.device-exclude': '^eth' });
    expect(r.flags).toStrictEqual({ 'demo.device-exclude': compileRe2('^eth') });
    expect(r.warnings).toEqual([]);
  });
  it('the old name alone sets the new flag only: the alias is no key of its own', () => {
    const r = resolveFlagValues(flags, { 'demo.device-blacklist': '^lo$' });
    expect(r.flags).toStrictEqual({ 'demo.device-exclude': compileRe2('^lo$') });
    expect(r.warnings).toEqual(['--demo.device-blacklist is deprecated and will be removed; use --demo.device-exclude']);
  });
  it('a bad value is reported under the name it was given as', () => {
    expect(() => resolveFlagValues(flags, { 'demo.device-blacklist': '(' }))
      .toThrow(new ConfigError('--demo.device-blacklist: invalid regular expression "(": missing closing ): `(`; fix the pattern (Go RE2 syntax)'));
    expect(() => resolveFlagValues(flags, { 'demo.device-exclude': '(' }))
      .toThrow(new ConfigError('--demo.device-exclude: invalid regular expression "(": missing closing ): `(`; fix the pattern (Go RE2 syntax)'));
  });
  it('old and new together conflict, unless the new one is at its default', () => {
    expect(() => resolveFlagValues(flags, { 'demo.device-blacklist': '^lo$', 'demo.device-exclude': '^eth' }))
      .toThrow(new ConfigError('--demo.device-blacklist and --demo.device-exclude are mutually exclusive; --demo.device-blacklist is deprecated, use only --demo.device-exclude'));
    const r = resolveFlagValues(flags, { 'demo.device-blacklist': '^lo$', 'demo.device-exclude': '' });
    expect(r.flags).toStrictEqual({ 'demo.device-exclude': compileRe2('^lo$') });
    expect(r.warnings).toHaveLength(1);
  });
  describe.each<[string, Omit<FlagSpec, 'name' | 'description' | 'deprecatedAliases'>, unknown[], unknown, unknown[]]>([
    // [what, flag, new values that equal the default, old value (already parsed), new values that do not]
    ['a string without a default', {}, [''], 'bob', ['x', ' ']],
    ['a string with one', { default: 'ann' }, ['ann'], 'bob', ['', 'x']],
    ['a number', { kind: 'number', default: 2 }, [2, '2'], 3, ['4', 0]],
    ['a list', { kind: 'list', default: ['a', 'b'] }, [['a', 'b']], ['c'], [['a'], 'a,b', []]],
  ])('%s: the new name set to its default does not conflict with the old one', (_what, kind, same, old, other) => {
    const f: FlagSpec = { name: 'demo.new', description: 'New.', deprecatedAliases: ['demo.old'], ...kind };
    it.each(same.map((v) => [v]))('new %j: the old value wins', (value) => {
      expect(resolveFlagValues([f], { 'demo.old': old, 'demo.new': value }).flags).toStrictEqual({ 'demo.new': old });
    });
    it.each(other.map((v) => [v]))('new %j: a conflict', (value) => {
      expect(() => resolveFlagValues([f], { 'demo.old': old, 'demo.new': value }))
        .toThrow(new ConfigError('--demo.old and --demo.new are mutually exclusive; --demo.old is deprecated, use only --demo.new'));
    });
  });
});
