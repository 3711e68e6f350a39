import { describe, expect, it } from 'vitest';
import { ConfigError, resolveFlagValues, type FlagSpec } from '../../src/index.js';

/** resolve.ts: a hand-built set of flag values → FlagValues (deprecated aliases: deprecated-alias.test.ts; include/exclude pairs: filter.test.ts). */
const specs: FlagSpec[] = [
  { name: 'demo.timeout', kind: 'duration', default: '5s', description: 'Timeout.' },
  { name: 'demo.path', default: '/proc', description: 'Path.' },
  { name: 'demo.on', kind: 'boolean', default: false, description: 'On.' },
];

describe('resolveFlagValues', () => {
  it('parses a given value by its kind; a flag not given gets its default, parsed', () => {
    expect(resolveFlagValues(specs, {})).toStrictEqual({ flags: { 'demo.timeout': 5000, 'demo.path': '/proc', 'demo.on': false }, warnings: [] });
    expect(resolveFlagValues(specs, { 'demo.timeout': '1m30s', 'demo.on': 'yes' }).flags)
      .toStrictEqual({ 'demo.timeout': 90000, 'demo.path': '/proc', 'demo.on': true });
  });
  it('with defaults: false, a flag not given is undefined; a given one is still parsed', () => {
    expect(resolveFlagValues(specs, { 'demo.path': '/host/proc' }, { defaults: false }).flags)
      .toStrictEqual({ 'demo.timeout': undefined, 'demo.path': '/host/proc', 'demo.on': undefined });
  });
  it('holds exactly the declared flags, plus names no spec declares, passed through as given', () => {
    expect(resolveFlagValues(specs, { 'demo.path': '/sys', 'path.rootfs': '/host', 'demo.count': 7 }).flags)
      .toStrictEqual({ 'path.rootfs': '/host', 'demo.count': 7, 'demo.timeout': 5000, 'demo.path': '/sys', 'demo.on': false });
  });
  it('a name given as undefined is not given: its default applies', () => {
    expect(resolveFlagValues(specs, { 'demo.path': undefined }).flags['demo.path']).toBe('/proc');
  });
  it('an invalid default fails at start-up naming the flag', () => {
    const bad: FlagSpec = { name: 'demo.interval', kind: 'duration', default: '5', description: 'Interval.' };
    expect(() => resolveFlagValues([bad], {}))
      .toThrow(new ConfigError('--demo.interval: missing unit in duration "5"; add one of ns, us, ms, s, m, h (e.g. 10s)'));
  });
});
