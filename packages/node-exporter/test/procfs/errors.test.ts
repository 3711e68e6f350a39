import { describe, expect, it } from 'vitest';
import { fields, lines, ParseError, parseHex, parseNumber } from '../../src/procfs/errors.js';
import { expectParseError } from '../garbage.js';

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

describe('ParseError', () => {
  it('is an Error named ParseError whose message carries the line when one is given', () => {
    const withLine = new ParseError('meminfo: bad', 7);
    expect(withLine).toBeInstanceOf(Error);
    expect([withLine.name, withLine.message, withLine.line]).toEqual(['ParseError', 'meminfo: bad (line 7)', 7]);
    const lineZero = new ParseError('x', 0);
    expect([lineZero.message, lineZero.line]).toEqual(['x (line 0)', 0]);
    const noLine = new ParseError('stat: bad');
    expect([noLine.name, noLine.message, noLine.line]).toEqual(['ParseError', 'stat: bad', undefined]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['0', 0], ['42', 42], ['+7', 7], ['-3', -3], ['12.5', 12.5], ['3.', 3], ['.25', 0.25], ['-.5', -0.5],
    ['1e10', 1e10], ['2E+3', 2000], ['15e-1', 1.5], ['1.5e12', 1.5e12], ['007', 7],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text, 's')).toBe(value);
  });

  it.each([
    ['x1'], ['1x'], ['1 2'], [' 1'], ['1 '], ['.'], ['+'], ['1e'], ['e5'], ['1e+'], ['1.2.3'], ['--1'], ['1e5.5'], ['NaN'], ['0b1'],
  ])('refuses %j', (text) => {
    expectParseError(() => parseNumber(text, 'vmstat', 3), `vmstat: expected a number, got ${JSON.stringify(text)} (line 3)`);
  });

  it('names a missing field "<nothing>", quotes at most 40 characters and adds no line suffix without a line', () => {
    expectParseError(() => parseNumber(undefined, 'loadavg'), 'loadavg: expected a number, got "<nothing>"');
    expectParseError(() => parseNumber(`${'9'.repeat(40)}x`, 'stat'), `stat: expected a number, got "${'9'.repeat(40)}"`);
  });
});

describe('parseHex', () => {
  it.each([
    ['0', 0], ['ff', 255], ['FF', 255], ['0x10', 16], ['0x1f', 31], ['0000000a', 10], ['DeadBeef', 0xdeadbeef],
  ])('reads %s as %d', (text, value) => {
    expect(parseHex(text, 's')).toBe(value);
  });

  it.each([['g'], ['x1'], ['1g'], ['0x'], ['0X10'], [' 1'], ['1 '], ['-1'], ['0x0x1'], ['']])('refuses %j', (text) => {
    expectParseError(() => parseHex(text, 'conntrack', 2), `conntrack: expected a hexadecimal number, got ${JSON.stringify(text)} (line 2)`);
  });

  it('names a missing field "<nothing>", quotes at most 40 characters and adds no line suffix without a line', () => {
    expectParseError(() => parseHex(undefined, 'arp'), 'arp: expected a hexadecimal number, got "<nothing>"');
    expectParseError(() => parseHex(`${'f'.repeat(40)}z`, 'arp'), `arp: expected a hexadecimal number, got "${'f'.repeat(40)}"`);
  });
});

describe('lines', () => {
  it('keeps non-blank lines untrimmed with their 1-based numbers in the text', () => {
    expect(lines('a 1\n\n \t \n  b\r\n\nc')).toEqual([['a 1', 1], ['  b\r', 4], ['c', 6]]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(lines('')).toEqual([]);
    expect(lines('\n \n\t')).toEqual([]);
  });
});
