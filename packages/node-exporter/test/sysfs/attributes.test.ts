import { describe, expect, it } from 'vitest';
import { attrText, optInt, optUint, parseHexAttr, parseIntAttr, parseUintAttr, tryParseFloat } from '../../src/sysfs/attributes.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** 50 characters: error messages quote only the first 40. */
const LONG = 'abcdefghij'.repeat(5);

describe('attrText', () => {
  it.each([
    ['up\n', 'up'],
    ['  full duplex \t\n', 'full duplex'],
    ['\n', ''],
    ['a\nb\n', 'a\nb'],
  ])('trims %j to %j', (raw, text) => {
    expect(attrText(raw)).toBe(text);
  });
});

describe('parseIntAttr', () => {
  it.each([
    ['42\n', 42],
    [' -7 ', -7],
    ['+3', 3],
    ['0', 0],
    ['007', 7],
  ])('reads %j as %d', (raw, value) => {
    expect(parseIntAttr(raw, 'f')).toBe(value);
  });

  it.each([
    ['4.2\n', 'mtu: expected an integer, got "4.2"'],
    ['', 'mtu: expected an integer, got ""'],
    [' 12a \n', 'mtu: expected an integer, got "12a"'],
    ['a12', 'mtu: expected an integer, got "a12"'],
    ['--1', 'mtu: expected an integer, got "--1"'],
    ['+', 'mtu: expected an integer, got "+"'],
    ['0x10', 'mtu: expected an integer, got "0x10"'],
    [LONG, `mtu: expected an integer, got "${LONG.slice(0, 40)}"`],
  ])('refuses %j naming the file and quoting the trimmed text', (raw, message) => {
    expectParseError(() => parseIntAttr(raw, 'mtu'), message);
  });
});

describe('parseUintAttr', () => {
  it.each([
    ['42\n', 42],
    [' 7 ', 7],
    ['0', 0],
  ])('reads %j as %d', (raw, value) => {
    expect(parseUintAttr(raw, 'f')).toBe(value);
  });

  it.each([
    ['-1\n', 'cap: expected an unsigned integer, got "-1"'],
    ['+1', 'cap: expected an unsigned integer, got "+1"'],
    ['', 'cap: expected an unsigned integer, got ""'],
    ['1 2', 'cap: expected an unsigned integer, got "1 2"'],
    ['x1', 'cap: expected an unsigned integer, got "x1"'],
    ['1x', 'cap: expected an unsigned integer, got "1x"'],
    [` ${LONG}\n`, `cap: expected an unsigned integer, got "${LONG.slice(0, 40)}"`],
  ])('refuses %j naming the file', (raw, message) => {
    expectParseError(() => parseUintAttr(raw, 'cap'), message);
  });
});

describe('parseHexAttr', () => {
  it.each([
    ['0x1803\n', 0x1803],
    ['0X1F', 31],
    [' 0x0 ', 0],
    ['ff', 255],
    ['aBc', 0xabc],
    ['1003', 0x1003],
  ])('reads %j as %d', (raw, value) => {
    expect(parseHexAttr(raw, 'f')).toBe(value);
  });

  it.each([
    ['0x', 'flags: expected a hex number, got ""'],
    ['0xzz\n', 'flags: expected a hex number, got "zz"'],
    ['0x0x1', 'flags: expected a hex number, got "0x1"'],
    ['10x1', 'flags: expected a hex number, got "10x1"'],
    ['12zz', 'flags: expected a hex number, got "12zz"'],
    ['zz12', 'flags: expected a hex number, got "zz12"'],
    ['-1', 'flags: expected a hex number, got "-1"'],
    [LONG, `flags: expected a hex number, got "${LONG.slice(0, 40)}"`],
  ])('refuses %j, quoting the text after the 0x prefix', (raw, message) => {
    expectParseError(() => parseHexAttr(raw, 'flags'), message);
  });
});

describe('tryParseFloat', () => {
  it.each([
    ['1.5\n', 1.5],
    [' -2 ', -2],
    ['+7', 7],
    ['3.', 3],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['-.25', -0.25],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['2.5e+1', 25],
    ['1e10', 1e10],
    ['.5e1', 5],
  ])('reads %j as %d', (raw, value) => {
    expect(tryParseFloat(raw)).toBe(value);
  });

  it.each(['', '\n', '.', '-', 'e5', '1e', '1e+', '0x10', 'inf', 'NaN', 'Infinity', '1.2.3', '4 2', 'a1', '1a', '1_000', '--1', '1e2.5'])(
    'gives undefined for %j, which is no plain decimal float',
    (raw) => {
      expect(tryParseFloat(raw)).toBeUndefined();
    },
  );
});

describe('optional attributes', () => {
  it('keep an absent attribute absent', () => {
    expect([optUint(undefined, 'a'), optInt(undefined, 'b')]).toEqual([undefined, undefined]);
  });

  it('parse a present attribute', () => {
    expect([optUint(' 5\n', 'a'), optInt('-5\n', 'b')]).toEqual([5, -5]);
  });

  it('refuse a malformed present attribute with the unsigned or signed message', () => {
    expectParseError(() => optUint('-5', 'a/x'), 'a/x: expected an unsigned integer, got "-5"');
    expectParseError(() => optInt('5.0', 'b/y'), 'b/y: expected an integer, got "5.0"');
  });
});

describe('attribute helpers under garbage input', () => {
  itSurvivesGarbage('attributes', '0x1803\n', (t) => [parseHexAttr(t, 'a'), tryParseFloat(t)], { reachesErrors: true });
  itSurvivesGarbage('int attributes', '-42\n', (t) => [tryParseFloat(t), optUint(t.replace('-', ''), 'b'), optInt(t, 'a')], { reachesErrors: true });
});
