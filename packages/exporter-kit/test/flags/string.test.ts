import { describe, expect, it } from 'vitest';
import { parseCommandLine, stringFlag } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const spec = demoSpec([
  { name: 'demo.path', default: '/proc', description: 'A path.' },
  { name: 'demo.secret', default: '', secret: true, envAliases: ['DEMO_SECRET'], description: 'A secret.' },
]);
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env).flags;

describe('string kind (the default kind)', () => {
  it('passes text through, from argv, env, an env alias or the default', () => {
    expect(stringFlag(parse([]), 'demo.path')).toBe('/proc');
    expect(parse(['--demo.path=/host/proc'])['demo.path']).toBe('/host/proc');
    expect(parse([], { DEMO_DEMO_PATH: '/env' })['demo.path']).toBe('/env');
    expect(parse([], { DEMO_SECRET: 's' })['demo.secret']).toBe('s');
    expect(stringFlag(parse([]), 'demo.unknown')).toBe('');
  });
});
