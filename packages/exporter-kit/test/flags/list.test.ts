import { describe, expect, it } from 'vitest';
import { listFlag, parseCommandLine, parseFlagValue } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

const spec = demoSpec([{ name: 'demo.dir', kind: 'list', default: [], description: 'Directories.' }]);
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env).flags;

describe('list kind', () => {
  it('is repeatable on the command line, in order', () => {
    expect(listFlag(parse(['--demo.dir=/a', '--demo.dir', '/b']), 'demo.dir')).toEqual(['/a', '/b']);
  });
  it('is comma-separated in its env var; defaults to its default', () => {
    expect(parse([], { DEMO_DEMO_DIR: '/a, /b,' })['demo.dir']).toEqual(['/a', '/b']);
    expect(parse([])['demo.dir']).toEqual([]);
    expect(parse([])['web.listen-address']).toEqual([':1']);
  });
  it('takes a single value given as text as a list of one', () => {
    const dir = { name: 'demo.dir', kind: 'list', description: 'Directories.' } as const;
    expect(parseFlagValue(dir, '/a,/b')).toEqual(['/a,/b']);
    expect(parseFlagValue(dir, ['/a', 7])).toEqual(['/a', '7']);
  });
});
