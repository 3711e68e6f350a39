import { describe, expect, it } from 'vitest';
import type { FlagValues } from '../../src/index.js';
import { booleanFlag, listFlag, numberFlag, regexFlag, stringFlag } from '../../src/index.js';

const flags: FlagValues = { re: /^a$/, n: 0, yes: true, no: false, s: 'text', l: ['a', 'b'], text: 'x', one: 1 };

describe('typed reads of parsed flags', () => {
  it('give a value of the matching type as it is', () => {
    expect(regexFlag(flags, 're')).toBe(flags.re);
    expect(numberFlag(flags, 'n')).toBe(0);
    expect(booleanFlag(flags, 'yes')).toBe(true);
    expect(booleanFlag(flags, 'no')).toBe(false);
    expect(stringFlag(flags, 's')).toBe('text');
    expect(listFlag(flags, 'l')).toBe(flags.l);
  });

  it('give undefined, false, \'\' or [] for an unset flag', () => {
    expect(regexFlag(flags, 'unset')).toBeUndefined();
    expect(numberFlag(flags, 'unset')).toBeUndefined();
    expect(booleanFlag(flags, 'unset')).toBe(false);
    expect(stringFlag(flags, 'unset')).toBe('');
    expect(listFlag(flags, 'unset')).toEqual([]);
  });

  it.each([
    ['regexFlag', regexFlag, 'text', 'flag text: expected a RegExp, got string (declare the flag with the matching kind)'],
    ['numberFlag', numberFlag, 'text', 'flag text: expected a number, got string (declare the flag with the matching kind)'],
    ['booleanFlag', booleanFlag, 'text', 'flag text: expected a boolean, got string (declare the flag with the matching kind)'],
    ['stringFlag', stringFlag, 'one', 'flag one: expected a string, got number (declare the flag with the matching kind)'],
    ['listFlag', listFlag, 'text', 'flag text: expected a list, got string (declare the flag with the matching kind)'],
  ])('%s on a value of another type throws a TypeError naming the flag and both types', (_, read, name, message) => {
    let caught: unknown;
    try { read(flags, name); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(TypeError);
    expect((caught as Error).message).toBe(message);
  });
});
