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
  // Each ASCII class at its edges (Go's regexp/syntax perl_groups.go and posix_groups.go).
  ['^\\d$', ['0', '9'], ['/', ':']],
  ['^\\w$', ['0', '9', 'A', 'Z', '_', 'a', 'z'], ['/', ':', '@', '[', '^', '`', '{']],
  ['^\\s$', ['\t', '\n', '\f', '\r', ' '], ['\b', '\u000e', '\u001f', '!']],
  ['^[[:alnum:]]$', ['0', '9', 'A', 'Z', 'a', 'z'], ['/', ':', '@', '[', '`', '{']],
  ['^[[:alpha:]]$', ['A', 'Z', 'a', 'z'], ['@', '[', '`', '{']],
  ['^[[:ascii:]]$', ['\u0000', '\u007f'], ['\u0080']],
  ['^[[:blank:]]$', ['\t', ' '], ['\b', '\n', '\u001f', '!']],
  ['^[[:cntrl:]]$', ['\u0000', '\u001f', '\u007f'], [' ', '~', '\u0080']],
  ['^[[:digit:]]$', ['0', '9'], ['/', ':']],
  ['^[[:graph:]]$', ['!', '~'], [' ', '\u007f']],
  ['^[[:lower:]]$', ['a', 'z'], ['`', '{', 'A']],
  ['^[[:print:]]$', [' ', '~'], ['\u001f', '\u007f']],
  ['^[[:punct:]]$', ['!', '/', ':', '@', '[', '`', '{', '~'], [' ', '0', '9', 'A', 'Z', 'a', 'z', '\u007f']],
  ['^[[:space:]]$', ['\t', '\n', '\v', '\f', '\r', ' '], ['\b', '\u000e', '!']],
  ['^[[:upper:]]$', ['A', 'Z'], ['@', '[', 'a']],
  ['^[[:word:]]$', ['0', '9', 'A', 'Z', '_', 'a', 'z'], ['^', '`', '-']],
  ['^[[:xdigit:]]$', ['0', '9', 'A', 'F', 'a', 'f'], ['/', ':', '@', 'G', '`', 'g']],
  // Hex and octal escapes at their digits' edges.
  ['^\\x09\\x0A\\x0f\\xaF$', ['\t\n\u000f\u00af'], []],
  ['^\\17\\10\\0/$', ['\u000f\b\u0000/'], []],
  ['^\\1234$', ['S4'], []], // at most three octal digits
  ['^\\08$', ['\u00008'], []],
  ['^\\x{10FFFF}$', ['\u{10ffff}'], []],
  ['^(?P<09AZaz_>x)$', ['x'], []],
  ['^(?:)$', [''], []],
  ['(?)a', ['a'], []],
  ['((x{1000}){0}){2}', ['', 'x'], []], // a {0} repeat limits nothing (Go's repeatIsValid)
  ['^\\71$', ['9'], []],
  ['^x{a{2}$', ['x{aa'], ['x{a{2}']], // a '{' that starts no count is a literal, even with a count after it
  ['(?i)a(?s:b)', ['AB'], []], // a flag group keeps the flags around it
  ['^[ad]$', ['a', 'd'], ['1']],
  ['^[a-a]$', ['a'], ['b']],
  ['^[ab:]$', [':', 'a'], ['c']],
  ['^[[:a]$', ['[', ':', 'a'], ['b']], // no closing :] makes no POSIX class
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

// Exact output, so that a changed emitter string or error text fails a test and not only a
// changed match (mutation testing, docs/TESTING.md).
const translations: Array<[string, string, string]> = [
  ['(?m)^a$', '(?<![^\\n])a(?![^\\n])', 'u'],
  ['a\\bb\\B', 'a\\bb\\B', 'u'],
  ['(?s:.)(?-s:.)', '(?:[^])(?:[^\\n])', 'u'],
  ['a*?b+?c??d{2}e{2,}f{2,3}g{2,3}?', 'a*?b+?c??d{2}e{2,}f{2,3}g{2,3}?', 'u'],
  ['a{0}a{1}a{0,1}a{0,}a{1,}a{0,2}', 'a{0}a{1}a?a*a+a{0,2}', 'u'],
  ['(?U)a*b*?', 'a*?b*', 'u'],
  ['(a)(?:b)(?P<n>c)(?<m>d)', '(a)(?:b)(c)(d)', 'u'],
  ['a(b|c)|d', 'a(b|c)|d', 'u'],
  ['x^*', 'x(?:^)*', 'u'], // an assertion is the one atom a quantifier needs a group for
  ['09AZaz/:@\\[\\`\\{é\\x{1F600}', '09AZaz\\u{2f}\\u{3a}\\u{40}\\u{5b}\\u{60}\\u{7b}\\u{e9}\\u{1f600}', 'u'],
  // Classes: plain, under the i flag (negated items as lookaheads), and scoped (folded ranges).
  ['[^\\d]\\pL\\PL[^\\pL]', '[^0-9][\\p{L}][\\P{L}][^\\p{L}]', 'u'],
  ['[a\\P{Lu}\\W]', '[a\\P{Lu}\\u{0}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{5e}\\u{60}\\u{7b}-\\u{10ffff}]', 'u'],
  ['\\p{Any}\\P{Any}', '[\\u{0}-\\u{10ffff}][]', 'u'],
  ['(?i)[^\\d]', '[^0-9]', 'iu'],
  ['(?i)[\\W]', '(?:(?![0-9A-Z\\u{5f}a-z])[^])', 'iu'],
  ['(?i)[\\W\\d]', '(?:[0-9]|(?![0-9A-Z\\u{5f}a-z])[^])', 'iu'],
  ['(?i)[^\\W\\d]', '(?:(?!(?:[0-9]|(?![0-9A-Z\\u{5f}a-z])[^]))[^])', 'iu'],
  ['(?i)[a\\P{Lu}]', '(?:[a]|(?![\\p{Lu}])[^])', 'iu'],
  ['(?i)\\p{Greek}', '[\\p{Script=Greek}]', 'iu'],
  ['a(?i:[^a])', 'a(?:[\\u{0}-\\u{40}B-\\u{60}b-\\u{10ffff}])', 'u'],
  ['a(?i:[^\\W])', 'a(?:[0-9A-Z\\u{5f}a-z\\u{17f}\\u{212a}])', 'u'],
  // What decides the i flag: cased literals and classes under (?i), nothing else.
  ['(?i)a[b]', 'a[b]', 'iu'],
  ['(?i)1', '1', 'u'],
  ['a(?i)1', 'a1', 'u'],
  ['(?i)(?-i)a', 'a', 'u'],
  ['[a](?i:b)', '[a](?:[Bb])', 'u'],
  ['(?i)[a-c\\d]', '[a-c0-9]', 'iu'],
  ['(?i)[a-c\\d\\W]', '(?:[a-c0-9]|(?![0-9A-Z\\u{5f}a-z])[^])', 'iu'],
  ['^\\QE.E\\E$', '^E\\u{2e}E$', 'u'],
  ['[ab]+.*(a)*', '[ab]+[^\\n]*(a)*', 'u'],
];

// Go's exact wording (regexp/syntax parse.go: the code, then the offending text in backquotes).
const exactRejections: Array<[string, string]> = [
  ['a)', 'unexpected ): `a)`'],
  ['x(a', 'missing closing ): `x(a`'], // Go quotes the whole expression
  ['x(?i:a', 'missing closing ): `x(?i:a`'],
  ['x(?i', 'invalid or unsupported Perl syntax: `(?i`'], // an unfinished flag group is a Perl-syntax error in Go
  ['x(?', 'invalid or unsupported Perl syntax: `(?`'],
  ['(?x)', 'invalid or unsupported Perl syntax: `(?x`'],
  ['(?--i)', 'invalid or unsupported Perl syntax: `(?--`'],
  ['x[a', 'missing closing ]: `[a`'],
  ['[]', 'missing closing ]: `[]`'],
  ['[[:alpha:]', 'missing closing ]: `[[:alpha:]`'],
  ['[a-Z]', 'invalid character class range: `a-Z`'],
  ['[a-\\d]', 'invalid escape sequence: `\\d`'],
  ['[[:^foo:]]', 'invalid character class range: `[:^foo:]`'],
  ['[[::]]', 'invalid character class range: `[::]`'],
  ['\\p', 'invalid character class range: `\\p`'],
  ['\\p{Greek', 'invalid character class range: `\\p{Greek`'],
  ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
  ['a{2,1}', 'invalid repeat count: `{2,1}`'],
  ['a{1,0}', 'invalid repeat count: `{1,0}`'],
  ['a{1001}', 'invalid repeat count: `{1001}`'],
  ['a{1000,1001}', 'invalid repeat count: `{1000,1001}`'],
  ['(x{1000}){2}', 'invalid repeat count: `{2}`'], // nested counts multiply past 1000
  ['(x{1000}){0,2}', 'invalid repeat count: `{0,2}`'],
  ['((x{400}){3,}){2}', 'invalid repeat count: `{3,}`'], // {n,} counts as n
  ['(ax{1000}){2}', 'invalid repeat count: `{2}`'],
  ['(a|x{1000}){2}', 'invalid repeat count: `{2}`'],
  ['(x{1000}){2,}', 'invalid repeat count: `{2,}`'],
  ['a**', 'invalid nested repetition operator: `**`'],
  ['*', 'missing argument to repetition operator: `*`'],
  ['\\Q\\E*', 'missing argument to repetition operator: `*`'],
  ['\\', 'trailing backslash at end of expression'],
  ['[\\', 'trailing backslash at end of expression'],
  ['\\e', 'invalid escape sequence: `\\e`'],
  ['[\\A]', 'invalid escape sequence: `\\A`'],
  ['[\\Z]', 'invalid escape sequence: `\\Z`'],
  ['[\\z]', 'invalid escape sequence: `\\z`'],
  ['\\x0', 'invalid escape sequence: `\\x0`'],
  ['\\x{}', 'invalid escape sequence: `\\x{}`'],
  ['\\x{41', 'invalid escape sequence: `\\x{41`'],
  ['\\x{110000}a', 'invalid escape sequence: `\\x{110000}`'],
  ['\\x{4g}', 'invalid escape sequence: `\\x{4g}`'],
  ['\\x{g4}', 'invalid escape sequence: `\\x{g4}`'],
  ['\\xg4', 'invalid escape sequence: `\\xg4`'],
  ['\\x4g', 'invalid escape sequence: `\\x4g`'],
  ['\\x/0', 'invalid escape sequence: `\\x/0`'],
  ['\\x:0', 'invalid escape sequence: `\\x:0`'],
  ['\\x@0', 'invalid escape sequence: `\\x@0`'],
  ['\\xG0', 'invalid escape sequence: `\\xG0`'],
  ['\\x`0', 'invalid escape sequence: `\\x`0`'],
  ['\\\u0080', 'invalid escape sequence: `\\\u0080`'], // only ASCII punctuation escapes to itself
  ['(?P<name', 'invalid named capture: `(?P<name`'],
  ['(?P<>a)', 'invalid named capture: `(?P<>`'],
  ['(?<a/>x)', 'invalid named capture: `(?<a/>`'],
  ['(?P<a:>x)', 'invalid named capture: `(?P<a:>`'],
  ['(?P<a@>x)', 'invalid named capture: `(?P<a@>`'],
  ['(?P<a[>x)', 'invalid named capture: `(?P<a[>`'],
  ['(?P<a`>x)', 'invalid named capture: `(?P<a`>`'],
  ['(?P<a{>x)', 'invalid named capture: `(?P<a{>`'],
  ['(?P<n>a)(?P<n>b)', 'duplicate capture group name: `n`'],
  // Not RE2 at all: our own wording, naming the construct.
  ['(?=x)', 'RE2 does not support lookahead assertions: `(?=`'],
  ['(?<!x)', 'RE2 does not support lookbehind assertions: `(?<!`'],
  ['x(?P=name)', 'RE2 does not support backreferences or recursion: `(?P=`'],
  ['(?P>n)', 'RE2 does not support backreferences or recursion: `(?P>`'],
  ['\\18', 'RE2 does not support backreferences: `\\1`'],
  ['\\1/', 'RE2 does not support backreferences: `\\1`'],
  ['\\9', 'RE2 does not support backreferences: `\\9`'],
  ['\\7', 'RE2 does not support backreferences: `\\7`'],
  ['\\g1', 'RE2 does not support backreferences: `\\g`'],
  ['a\\C', '`\\C` (match one byte) is not supported: Go\'s regexp rejects it and JavaScript matches characters, not bytes'],
  ['a\\Z', 'RE2 does not support `\\Z`; use `\\z` or `$` (end of text)'],
  ['a(?i:\\p{Lu})', 'cannot be translated to JavaScript: `\\p{Lu}` inside a case-insensitive group that does not cover the whole pattern; put (?i) at the start of the pattern instead'],
];

/** Go's unicode.Categories, each of which \p{…} must accept. */
const GO_CATEGORIES = ['C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs'];

describe('regex kind: exact translations and messages', () => {
  it.each(translations)('%j → /%s/%s', (pattern, source, flags) => expect(translateRe2(pattern)).toEqual({ source, flags }));
  it.each(exactRejections)('%j: %s', (pattern, message) => expect(() => compileRe2(pattern)).toThrow(new Re2SyntaxError(message)));
  it('the error is a Re2SyntaxError by name too', () => {
    expect(() => compileRe2('(')).toThrow(expect.objectContaining({ name: 'Re2SyntaxError' }));
  });
  it('\\p{…} takes each of Go\'s Unicode categories by its own name', () => {
    for (const name of GO_CATEGORIES) expect(translateRe2(`\\p{${name}}`).source).toBe(`[\\p{${name}}]`);
  });
});
