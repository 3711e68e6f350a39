import { describe, expect, it } from 'vitest';
import type { FlagSpec } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';
import { compileRe2, ConfigError, parseCommandLine, Re2SyntaxError, translateRe2 } from '../../src/index.js';

/** [RE2 pattern, strings it matches (Go's MatchString), strings it does not]. Semantics from Go's regexp/syntax docs. */
const cases: Array<[string, string[], string[]]> = [
  // Inline flags: leading, scoped, negated, and flags lasting to the end of their group.
  ['(?i)^LO$', ['lo', 'LO', 'Lo'], ['lo0', 'xlo']],
  ['(?i)k', ['k', 'K', '\u212a'], ['x']], // Kelvin sign: Unicode simple folding, as Go
  ['a(?i:b)c', ['abc', 'aBc'], ['ABC', 'abC']],
  ['a(?i)b|c', ['ab', 'aB', 'C', 'c'], ['Ab']],
  ['(a(?i)b)c', ['aBc'], ['aBC']],
  ['(?i)a(?-i:b)', ['Ab', 'ab'], ['aB']],
  ['(?i:[a-c]+)X', ['AbCX'], ['abcx']],
  ['(?i:[^k])x', ['ax'], ['kx', 'Kx', '\u212ax']], // fold, then negate
  ['(?s)a.b', ['a\nb'], []],
  ['a.b', ['a-b', 'a\rb', 'a\u2028b'], ['a\nb']], // . excludes only \n
  ['(?m)^b$', ['a\nb\nc', 'b'], ['ab', 'a\nbc']],
  ['^b$', ['b'], ['a\nb', 'b\n']], // without m, $ is \z (not Perl's \Z)
  ['(?U)^a+', ['a'], []],
  ['(?U)a+?$', ['aaa'], []],
  // \A \z, Perl and POSIX classes (all ASCII in RE2).
  ['\\Ax\\z', ['x'], ['x\n', 'yx']],
  ['^\\d+$', ['0123'], ['٣']],
  ['^\\w+$', ['a_Z9'], ['é']],
  ['^\\s$', [' ', '\t', '\n', '\f', '\r'], ['\v', '\u00a0']],
  ['^\\S$', ['\v'], [' ']],
  ['^\\W$', ['%', 'ſ'], ['a']],
  ['(?i)^\\W$', ['%'], ['a', 'ſ', '\u212a']], // Go: (?i)\W excludes ſ and the Kelvin sign
  ['^[[:alpha:]]+$', ['abcXYZ'], ['ab1', 'é']],
  ['^[[:^alpha:]]+$', ['123 é'], ['a']],
  ['^[^[:lower:]]$', ['A'], ['a']],
  ['(?i)^[[:^alpha:]]$', ['1'], ['a', 'A']],
  ['^[[:alnum:][:punct:]]+$', ['a1!~'], [' ']],
  ['^[[:space:]]$', ['\v'], ['x']],
  ['^[[:word:]]+$', ['a_1'], ['-']],
  ['^[[:xdigit:]]+$', ['09afAF'], ['g']],
  ['^[\\d\\-x]+$', ['1-x'], ['y']],
  ['^[^\\d]$', ['a'], ['1']],
  ['^[\\D]$', ['a'], ['1']],
  ['^[\\W\\d]+$', ['%1'], ['a']],
  // Unicode classes.
  ['^\\pL+$', ['abcδ'], ['1']],
  ['^\\p{Greek}+$', ['αβγ'], ['abc']],
  ['^\\PL$', ['1'], ['a']],
  ['^\\p{^Greek}$', ['a'], ['α']],
  ['^\\P{^Greek}$', ['α'], ['a']],
  ['^[\\p{Lu}\\d]+$', ['AB1'], ['ab']],
  ['(?i)^\\p{Lu}$', ['a', 'A'], ['1']],
  ['(?i)^\\P{Lu}$', ['1'], ['a', 'A']], // fold, then negate
  ['^\\p{Any}$', ['x', '\n'], []],
  ['^\\pN$', ['5', '½'], ['x']],
  // Escapes and literals.
  ['\\Qa.b+\\E+', ['a.b++'], ['axb']],
  ['\\Q(unclosed', ['(unclosed'], []],
  ['^\\Q\\\\E$', ['\\'], []],
  ['(?P<name>x)y', ['xy'], ['x']],
  ['(?<name>x)y', ['xy'], ['x']],
  ['^a\\-b\\#c\\ d\\:e\\<f$', ['a-b#c d:e<f'], []],
  ['^\\x41\\x{263a}\\101\\0$', ['A☺A\u0000'], []],
  ['^\\a\\f\\t\\n\\r\\v$', ['\u0007\f\t\n\r\v'], []],
  ['^[]a]+$', [']a'], ['b']],
  ['^[^]a]$', ['b'], [']', 'a']],
  ['^[a-]$', ['a', '-'], ['b']],
  ['^[a-b-c]+$', ['ab-c'], ['d']],
  ['^a{,2}$', ['a{,2}'], ['aa']],
  ['^a{2}$', ['aa'], ['a', 'aaa']],
  ['^a{2,}$', ['aaaa'], ['a']],
  ['^a*{$', ['aa{'], []],
  ['^x{1000}$', ['x'.repeat(1000)], ['x']],
  ['^{}$', ['{}'], []],
  ['^[α-ε☺]+$', ['αβ☺'], ['ζ']],
  ['^😀.$', ['😀😀'], ['😀']], // one code point, like one rune
  ['^(?:^)*a', ['a'], []],
  ['', ['', 'x'], []],
  ['|x|', ['', 'y'], []],
  ['\\bfoo\\b', ['a foo b'], ['afoo']],
  ['\\Bfoo', ['afoo'], ['a foo']],
  ['^(?:a|b)+$', ['abba'], ['abc']],
];

describe('regex kind: RE2 → RegExp', () => {
  it.each(cases)('%j', (pattern, yes, no) => {
    const re = compileRe2(pattern);
    for (const s of yes) expect(re.test(s), `${JSON.stringify(pattern)} should match ${JSON.stringify(s)} (as /${re.source}/${re.flags})`).toBe(true);
    for (const s of no) expect(re.test(s), `${JSON.stringify(pattern)} should not match ${JSON.stringify(s)} (as /${re.source}/${re.flags})`).toBe(false);
  });

  it('a (?i) covering the whole pattern becomes the i flag; a scoped one is expanded', () => {
    expect(translateRe2('(?i)^LO$')).toEqual({ source: '^LO$', flags: 'iu' });
    expect(translateRe2('a(?i:b)').flags).toBe('u');
    expect(translateRe2('a(?i:b)').source).toBe('a(?:[Bb])');
  });

  it('a scoped (?i:…) expands every letter to exactly the letters the engine\'s own iu flag matches', () => {
    let checked = 0;
    for (let c = 0; c <= 0x1ffff; c++) {
      const ch = String.fromCodePoint(c);
      if (!/\p{Changes_When_Casemapped}/u.test(ch)) continue;
      const scoped = compileRe2(`^x(?i:\\x{${c.toString(16)}})$`); // 'x' stays case-sensitive: a scoped (?i)
      const whole = new RegExp(`^\\u{${c.toString(16)}}$`, 'iu');
      for (const d of [c, ...Array.from(ch.toLowerCase() + ch.toUpperCase(), (x) => x.codePointAt(0) as number)]) {
        expect(scoped.test(`x${String.fromCodePoint(d)}`), `U+${c.toString(16)} vs U+${d.toString(16)}`).toBe(whole.test(String.fromCodePoint(d)));
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('anchors as declared: none like MatchString, full as ^(?:…)$', () => {
    expect(compileRe2('a|b').test('xax')).toBe(true);
    expect(compileRe2('a|b', 'full').test('xax')).toBe(false);
    expect(compileRe2('a|b', 'full').test('b')).toBe(true);
    expect(compileRe2('.+\\.(mount|scope)', 'full').test('home.mount')).toBe(true);
    expect(compileRe2('.+\\.(mount|scope)', 'full').test('home.mount.service')).toBe(false);
    expect(compileRe2('(?i)ssh', 'full').test('SSH')).toBe(true);
  });
});

// What Go rejects (regexp/syntax's invalid-regexp table and more), with its wording.
const goRejects: Array<[string, RegExp]> = [
  ['(', /missing closing \)/], [')', /unexpected \)/], ['(a', /missing closing \)/], ['a)', /unexpected \)/], ['(a))', /unexpected \)/],
  ['(a|b|', /missing closing \)/], ['a|b|)', /unexpected \)/], ['[a-z', /missing closing \]/], ['([a-z)', /missing closing \]/],
  ['x{1001}', /invalid repeat count/], ['x{9876543210}', /invalid repeat count/], ['x{2,1}', /invalid repeat count/],
  ['x{1,9876543210}', /invalid repeat count/], ['(?P<name>a', /missing closing \)/], ['(?P<name', /invalid named capture/],
  ['(?P<x y>a)', /invalid named capture/], ['(?P<>a)', /invalid named capture/], ['(?<>a)', /invalid named capture/],
  ['[a-Z]', /invalid character class range: `a-Z`/], ['(?i)[a-Z]', /invalid character class range/], ['\\Q\\E*', /missing argument to repetition operator/],
  ['a{100000}', /invalid repeat count/], ['((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})', /invalid repeat count/],
  ['a**', /invalid nested repetition operator: `\*\*`/], ['a++', /invalid nested repetition operator/], ['a?*', /invalid nested repetition operator/],
  ['a{1}*', /invalid nested repetition operator/], ['*', /missing argument to repetition operator/], ['(*)', /missing argument/],
  ['a|+', /missing argument/], ['\\', /trailing backslash/], ['\\e', /invalid escape sequence: `\\e`/], ['\\é', /invalid escape sequence/],
  ['\\x', /invalid escape sequence/], ['\\x{110000}', /invalid escape sequence/], ['[[:foo:]]', /invalid character class range: `\[:foo:\]`/],
  ['\\p{Foo}', /invalid character class range: `\\p\{Foo\}`/], ['\\p{Letter}', /invalid character class range/], ['(?P<n>a)(?P<n>b)', /duplicate capture group name/],
  ['(?-)', /invalid or unsupported Perl syntax/], ['(?i-)', /invalid or unsupported Perl syntax/], ['(?x)', /invalid or unsupported Perl syntax/],
  ['(?#comment)', /invalid or unsupported Perl syntax/], ['(?>a)', /invalid or unsupported Perl syntax/], ['[]', /missing closing \]/],
];

// What RE2 does not support at all, with a message saying so.
const re2Unsupported: Array<[string, RegExp]> = [
  ['(?=x)', /RE2 does not support lookahead/], ['(?!x)', /RE2 does not support lookahead/],
  ['(?<=x)', /RE2 does not support lookbehind/], ['(?<!x)', /RE2 does not support lookbehind/],
  ['(a)\\1', /RE2 does not support backreferences/], ['\\8', /RE2 does not support backreferences/],
  ['(?P<n>a)(?P=n)', /RE2 does not support backreferences/], ['\\k<n>', /RE2 does not support backreferences/],
  ['\\C', /`\\C` \(match one byte\) is not supported/], ['a\\Z', /RE2 does not support `\\Z`/],
];

describe('regex kind: rejections', () => {
  it.each(goRejects)('Go rejects %j', (pattern, message) => {
    expect(() => compileRe2(pattern)).toThrow(Re2SyntaxError);
    expect(() => compileRe2(pattern)).toThrow(message);
  });
  it.each(re2Unsupported)('RE2 does not support %j', (pattern, message) => expect(() => compileRe2(pattern)).toThrow(message));
  it('refuses, clearly, what cannot be translated: a Unicode class under a scoped (?i)', () => {
    expect(() => compileRe2('a(?i:\\p{Lu})')).toThrow(/cannot be translated to JavaScript: `\\p\{Lu\}` inside a case-insensitive group/);
    expect(compileRe2('(?i)a\\p{Lu}').test('Aa')).toBe(true); // the whole-pattern form works
  });
  it('accepts octal escapes Go accepts, where \\1 alone would be a backreference', () => {
    expect(compileRe2('^\\12$').test('\n')).toBe(true);
    expect(compileRe2('^\\141$').test('a')).toBe(true);
  });
});

describe('regex kind: a declared flag', () => {
  const flags: FlagSpec[] = [
    { name: 'demo.include', kind: 'regex', default: '', description: 'Names to keep.' },
    { name: 'demo.units', kind: 'regex', anchor: 'full', default: '.+\\.service', description: 'Units.' },
  ];
  const spec = demoSpec(flags);
  it('receives a RegExp (or undefined when empty), compiled once with the declared anchoring', () => {
    const { flags: f } = parseCommandLine(spec, ['--demo.include=(?i)^LO$'], {});
    expect(f['demo.include']).toBeInstanceOf(RegExp);
    expect((f['demo.include'] as RegExp).test('lo')).toBe(true);
    expect(parseCommandLine(spec, [], {}).flags['demo.include']).toBeUndefined();
    expect((f['demo.units'] as RegExp).test('ssh.service')).toBe(true);
    expect((f['demo.units'] as RegExp).test('ssh.service.d')).toBe(false);
    expect((f['demo.units'] as RegExp).source).toBe('^(?:[^\\n]+\\u{2e}service)$');
  });
  it.each([
    ['(?<=x)y', '--demo.include: invalid regular expression "(?<=x)y": RE2 does not support lookbehind assertions: `(?<=`; fix the pattern (Go RE2 syntax)'],
    ['a(?i:\\pL)', '--demo.include: invalid regular expression "a(?i:\\\\pL)": cannot be translated to JavaScript: `\\pL` inside a case-insensitive group that does not cover the whole pattern; put (?i) at the start of the pattern instead; fix the pattern (Go RE2 syntax)'],
    ['(', '--demo.include: invalid regular expression "(": missing closing ): `(`; fix the pattern (Go RE2 syntax)'],
  ])('%j is a one-line ConfigError naming the flag and the construct', (pattern, message) => {
    let caught: unknown;
    try { parseCommandLine(spec, [`--demo.include=${pattern}`], {}); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toBe(message);
  });
});
