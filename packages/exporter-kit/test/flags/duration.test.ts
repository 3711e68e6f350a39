import { describe, expect, it } from 'vitest';
import { ConfigError, DurationSyntaxError, parseCommandLine, parseGoDuration } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

// Cases from Go's time.ParseDuration documentation and its test table (time_test.go), in ns.
const NS = 1e-6; // ms per ns
const valid: Array<[string, number]> = [
  ['0', 0], ['5s', 5000], ['30s', 30_000], ['1478s', 1_478_000],
  ['-5s', -5000], ['+5s', 5000], ['-0', 0], ['+0', 0],
  ['5.0s', 5000], ['5.6s', 5600], ['5.s', 5000], ['.5s', 500], ['1.0s', 1000], ['1.00s', 1000],
  ['1.004s', 1004], ['1.0040s', 1004], ['100.00100s', 100_001],
  ['10ns', 10 * NS], ['11us', 11e-3], ['12µs', 12e-3], ['12μs', 12e-3], ['13ms', 13], ['14s', 14_000], ['15m', 900_000], ['16h', 57_600_000],
  ['3h30m', 12_600_000], ['10.5s4m', 250_500], ['-2m3.4s', -123_400], ['1h2m3s4ms5us6ns', 3_723_004.005006],
  ['39h9m14.425s', 140_954_425], ['52763797000ns', 52_763.797],
  ['0.3333333333333333333h', 1_200_000], // Go's float rounding gives exactly 20m
  ['9007199254740993ns', 9_007_199_254.740993],
  ['9223372036854775807ns', 9_223_372_036_854.775807], ['9223372036854775.807us', 9_223_372_036_854.775807],
  ['-9223372036854775808ns', -9_223_372_036_854.775808],
  ['0.100000000000000000000h', 360_000],
];
const invalid = ['', '3', '-', 's', '.', '-.', '.s', '+.s', '1d', '1 s', ' 1s', '1s ', '1S', '1sec', '5', '\u0085\u0085',
  '9223372036854775810ns', '9223372036854775808ns', '-9223372036854775809ns', '3000000h'];

describe('duration kind: parseGoDuration (Go time.ParseDuration)', () => {
  it.each(valid)('%j → %d ms', (text, ms) => expect(parseGoDuration(text)).toBeCloseTo(ms, 5));
  it.each(invalid)('rejects %j as Go does', (text) => expect(() => parseGoDuration(text)).toThrow(DurationSyntaxError));
  it('says what is wrong', () => {
    expect(() => parseGoDuration('5')).toThrow(/missing unit in duration "5"/);
    expect(() => parseGoDuration('1d')).toThrow(/unknown unit "d" in duration "1d"/);
    expect(() => parseGoDuration('')).toThrow(/invalid duration ""/);
  });
});

describe('duration kind: a declared flag', () => {
  const spec = demoSpec([{ name: 'demo.wait', kind: 'duration', default: '5s', description: 'How long to wait.' }]);
  it('receives milliseconds, from the default, argv and env', () => {
    expect(parseCommandLine(spec, [], {}).flags['demo.wait']).toBe(5000);
    expect(parseCommandLine(spec, ['--demo.wait=250ms'], {}).flags['demo.wait']).toBe(250);
    expect(parseCommandLine(spec, [], { DEMO_DEMO_WAIT: '1h' }).flags['demo.wait']).toBe(3_600_000);
  });
  it('a bad value is a one-line ConfigError naming the flag', () => {
    let caught: unknown;
    try { parseCommandLine(spec, ['--demo.wait=5'], {}); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toBe('--demo.wait: missing unit in duration "5"; add one of ns, us, ms, s, m, h (e.g. 10s)');
  });
});
