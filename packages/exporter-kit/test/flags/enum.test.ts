import { describe, expect, it } from 'vitest';
import { ConfigError, parseCommandLine } from '../../src/index.js';
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
});
