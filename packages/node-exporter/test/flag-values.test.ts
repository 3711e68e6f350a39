import { ConfigError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { compileGoRegex } from '../src/context.js';
import { parseGoDuration } from '../src/flags.js';

describe('flag values', () => {
  it('Go durations', () => {
    expect(parseGoDuration('f', '5s')).toBe(5000);
    expect(parseGoDuration('f', '1m30s')).toBe(90000);
    expect(parseGoDuration('f', '250ms')).toBe(250);
    expect(() => parseGoDuration('collector.filesystem.mount-timeout', '5 seconds')).toThrow(ConfigError);
  });

  it('Go regexes: (?i) becomes a flag, invalid patterns name the flag', () => {
    expect(compileGoRegex('f', '(?i)^ETH')?.test('eth0')).toBe(true);
    expect(compileGoRegex('f', '')).toBeUndefined();
    expect(() => compileGoRegex('collector.netdev.device-exclude', '(')).toThrow(/--collector.netdev.device-exclude/);
  });
});
