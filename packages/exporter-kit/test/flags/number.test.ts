import { describe, expect, it } from 'vitest';
import { ConfigError, numberFlag, parseCommandLine } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const spec = demoSpec([{ name: 'demo.workers', kind: 'number', default: 2, description: 'Workers.' }]);
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env).flags;

describe('number kind', () => {
  it('gives a number', () => {
    expect(numberFlag(parse([]), 'demo.workers')).toBe(2);
    expect(parse(['--demo.workers=4.5'])['demo.workers']).toBe(4.5);
    expect(parse([], { DEMO_DEMO_WORKERS: '8' })['demo.workers']).toBe(8);
  });
  it.each(['-1', 'lots', '', ' ', '\t', 'Infinity'])('rejects %j in one line', (text) => {
    expect(() => parse([`--demo.workers=${text}`])).toThrow(ConfigError);
    expect(() => parse([`--demo.workers=${text}`])).toThrow(/^--demo.workers: expected a non-negative number/);
  });
});
