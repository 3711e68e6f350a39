import { describe, expect, it } from 'vitest';
import { booleanFlag, ConfigError, HelpShown, parseCommandLine, parseFlagValue, type FlagSpec } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const on: FlagSpec = { name: 'demo.on', kind: 'boolean', default: true, description: 'On by default.' };
const spec = demoSpec([
  on,
  { name: 'demo.off', kind: 'boolean', default: false, description: 'Off by default.' },
]);
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env).flags;

describe('boolean kind', () => {
  it('takes --x and --no-x, as kingpin does', () => {
    expect(parse([])).toMatchObject({ 'demo.on': true, 'demo.off': false });
    expect(parse(['--no-demo.on', '--demo.off'])).toMatchObject({ 'demo.on': false, 'demo.off': true });
    expect(booleanFlag(parse(['--demo.off']), 'demo.off')).toBe(true);
  });
  it('reads true/false spellings from its env var and rejects others in one line', () => {
    expect(parse([], { DEMO_DEMO_OFF: 'yes', DEMO_DEMO_ON: '0' })).toMatchObject({ 'demo.on': false, 'demo.off': true });
    expect(() => parse([], { DEMO_DEMO_ON: 'maybe' })).toThrow(ConfigError);
    expect(() => parse([], { DEMO_DEMO_ON: 'maybe' })).toThrow('DEMO_DEMO_ON: expected true or false, got "maybe"');
  });
  it.each(['carbon', 'yesterday', 'kickoff', 'nope', 'on1'])('takes a true/false spelling only as the whole value: %j is rejected', (text) => {
    expect(() => parse([], { DEMO_DEMO_ON: text })).toThrow(new ConfigError(`DEMO_DEMO_ON: expected true or false, got ${JSON.stringify(text)}`));
  });
  it('names the flag as --name when no source is given', () => {
    expect(() => parseFlagValue(on, 'maybe')).toThrow(new ConfigError('--demo.on: expected true or false, got "maybe"'));
  });
  it('does not take a value on the command line', () => {
    expect(() => parse(['--demo.off=true'])).toThrow(ConfigError);
  });
  it('lists --x in --help (the --no- form is explained by the default)', () => {
    let help = '';
    try { parse(['--help']); } catch (err) { help = (err as HelpShown).output; }
    expect(help).toContain('--demo.on');
    expect(help).toContain('DEMO_DEMO_ON');
  });
});
