import { describe, expect, it } from 'vitest';
import { fields, ParseError, parseNumber } from '../../src/procfs/errors.js';

describe('fields', () => {
  it('splits exactly as trim().split(/\\s+/) does, Unicode spaces included', () => {
    const ref = (line: string): string[] => (line.trim() === '' ? [] : line.trim().split(/\s+/));
    const alphabet = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', 'a', 'b', '1', '-'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 3000; k++) {
      let line = '';
      for (let j = next() % 12; j > 0; j--) line += alphabet[next() % alphabet.length];
      expect(fields(line)).toEqual(ref(line));
    }
    expect(fields('  cpu0 1  2\t3 ')).toEqual(['cpu0', '1', '2', '3']);
  });
});

describe('errors parser', () => {
  it('numbers are strict', () => {
    expect(parseNumber('-1.5e3', 's')).toBe(-1500);
    for (const bad of ['', ' ', '0x10', 'Infinity', '1,5']) expect(() => parseNumber(bad, 's')).toThrow(ParseError);
  });
});
