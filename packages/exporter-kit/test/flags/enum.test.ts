import { describe, expect, it } from 'vitest';
import { ConfigError, parseCommandLine, parseFlagValue, type FlagSpec } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const spec = demoSpec([{ name: 'demo.mode', kind: 'enum', choices: ['fast', 'safe'], default: 'safe', description: 'Mode.' }]);
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env).flags;

describe('enum kind', () => {
  it('accepts one of its choices', () => {
    expect(parse([])['demo.mode']).toBe('safe');
    expect(parse(['--demo.mode=fast'])['demo.mode']).toBe('fast');
    expect(parse([], { DEMO_DEMO_MODE: 'fast' })['demo.mode']).toBe('fast');
  });
  it('rejects anything else in one line listing the choices', () => {
    expect(() => parse(['--demo.mode=quick'])).toThrow(ConfigError);
    expect(() => parse(['--demo.mode=quick'])).toThrow(/quick.*fast, safe/);
    expect(() => parse([], { DEMO_DEMO_MODE: 'quick' })).toThrow('DEMO_DEMO_MODE: "quick" is not one of fast, safe');
  });
  it('the kit\'s --log.level is one', () => {
    expect(() => parse(['--log.level=loud'])).toThrow(/log.level.*loud/);
    expect(parse(['--log.level=debug'])['log.level']).toBe('debug');
  });
  it('a string flag with choices is an enum, with or without kind: \'string\'', () => {
    for (const kind of [undefined, 'string'] as const) {
      const level: FlagSpec = { name: 'demo.level', kind, choices: ['low', 'high'], description: 'Level.' };
      expect(parseFlagValue(level, 'high')).toBe('high');
      expect(() => parseFlagValue(level, 'mid')).toThrow(new ConfigError('--demo.level: "mid" is not one of low, high'));
    }
  });
  it('choices make no other kind an enum', () => {
    expect(parseFlagValue({ name: 'demo.n', kind: 'number', choices: ['1', '2'], description: 'N.' }, '2')).toBe(2);
    expect(parseFlagValue({ name: 'demo.l', kind: 'list', choices: ['a'], description: 'L.' }, ['b', 'c'])).toEqual(['b', 'c']);
  });
});
