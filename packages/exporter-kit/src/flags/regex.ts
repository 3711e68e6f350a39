/**
 * RE2 (Go regexp) → JavaScript RegExp, once, at start-up. The pattern is parsed with Go's rules
 * (re2-syntax.ts) and re-emitted for the `u` flag:
 * - `u`, not plain: RE2 matches code points, and `iu` folds case with Unicode simple case
 *   folding, as Go does ((?i)k matches the Kelvin sign in both); \p{…} needs `u` too.
 * - not `v`: its extra set syntax buys nothing here, because we emit every non-alphanumeric
 *   character as \u{…} and build class negation ourselves.
 * - JavaScript's own meanings never leak through: `.` is [^\n] (JS's also excludes \r, U+2028/9),
 *   (?m)^ and $ are lookarounds on \n only, \s \d \w and [[:x:]] become Go's ASCII ranges.
 * - (?i) covering every letter of the pattern becomes the `i` flag; a scoped (?i:…) is expanded
 *   into explicit case-folded classes (JavaScript before Node 23 has no scoped modifiers).
 */
import { caseOrbit, complementRanges, foldRanges } from './case-fold.js';
import type { RegexAnchor } from '../spec.js';
import { parseRe2, Re2SyntaxError, type ClassItem, type Ranges, type Re2Node } from './re2-syntax.js';

export { Re2SyntaxError } from './re2-syntax.js';

export type { RegexAnchor } from '../spec.js';

export interface Re2Translation {
  readonly source: string;
  readonly flags: string;
}

type FoldMode = 'plain' | 'global' | 'scoped';

/** Translates; throws Re2SyntaxError for what Go rejects and for what JavaScript cannot express. */
export function translateRe2(pattern: string, anchor: RegexAnchor = 'none'): Re2Translation {
  const tree = parseRe2(pattern);
  const usage = { folded: 0, plain: 0 };
  countFolding(tree, usage);
  const mode: FoldMode = usage.folded === 0 ? 'plain' : usage.plain === 0 ? 'global' : 'scoped';
  const body = emit(tree, mode);
  return { source: anchor === 'full' ? `^(?:${body})$` : body, flags: mode === 'global' ? 'iu' : 'u' };
}

/** The RegExp for an RE2 pattern; throws Re2SyntaxError. */
export function compileRe2(pattern: string, anchor: RegexAnchor = 'none'): RegExp {
  const { source, flags } = translateRe2(pattern, anchor);
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new Re2SyntaxError(`cannot be translated to JavaScript (${(err as Error).message})`);
  }
}

const CASED = /\p{Changes_When_Casemapped}/u;

function countFolding(node: Re2Node, usage: { folded: number; plain: number }): void {
  switch (node.t) {
    case 'literal':
      if (CASED.test(String.fromCodePoint(node.cp))) usage[node.fold ? 'folded' : 'plain']++;
      return;
    case 'class':
      usage[node.fold ? 'folded' : 'plain']++;
      return;
    case 'group':
    case 'repeat':
      countFolding(node.sub, usage);
      return;
    case 'concat':
    case 'alternate':
      for (const s of node.subs) countFolding(s, usage);
      return;
    default:
  }
}

function emit(node: Re2Node, mode: FoldMode): string {
  switch (node.t) {
    case 'empty': return '';
    case 'literal':
      return node.fold && mode === 'scoped' ? bracket(caseOrbit(node.cp).map((c) => [c, c] as const)) : char(node.cp);
    case 'any': return node.newline ? '[^]' : '[^\\n]';
    case 'assert':
      return { 'text-begin': '^', 'text-end': '$', 'line-begin': '(?<![^\\n])', 'line-end': '(?![^\\n])', word: '\\b', 'not-word': '\\B' }[node.kind];
    case 'group': return `(${node.capture ? '' : '?:'}${emit(node.sub, mode)})`;
    case 'repeat': {
      const sub = emit(node.sub, mode);
      const atomic = node.sub.t === 'literal' || node.sub.t === 'class' || node.sub.t === 'any' || node.sub.t === 'group';
      return `${atomic ? sub : `(?:${sub})`}${quantifier(node.min, node.max)}${node.greedy ? '' : '?'}`;
    }
    case 'concat': return node.subs.map((s) => (s.t === 'alternate' ? `(?:${emit(s, mode)})` : emit(s, mode))).join('');
    case 'alternate': return node.subs.map((s) => emit(s, mode)).join('|');
    case 'class': return emitClass(node.items, node.negated, node.fold ? mode : 'plain');
  }
}

function quantifier(min: number, max: number): string {
  if (max < 0) return min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
  if (min === 0 && max === 1) return '?';
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/**
 * Go folds a class's items and then negates ([^k] under (?i) excludes K and U+212A); so do we.
 * - plain: one bracket, negated items as complement ranges or \P{…}.
 * - global (`i` flag): JavaScript's [^…] already negates after folding; a negated item
 *   (\W, [:^alpha:], \P{Lu}) becomes a negative lookahead so it, too, negates after folding.
 * - scoped: fold explicitly into ranges; a Unicode property cannot be, so it is refused.
 */
function emitClass(items: readonly ClassItem[], negated: boolean, mode: FoldMode): string {
  if (mode === 'scoped') {
    let ranges: Array<readonly [number, number]> = [];
    for (const item of items) {
      if (item.kind === 'property') {
        throw new Re2SyntaxError(`cannot be translated to JavaScript: \`${item.source}\` inside a case-insensitive group that does not cover the whole pattern; put (?i) at the start of the pattern instead`);
      }
      const folded = foldRanges(item.ranges);
      ranges = ranges.concat(item.negated ? complementRanges(folded) : folded);
    }
    return bracket(negated ? complementRanges(ranges) : ranges);
  }
  const positive = (item: ClassItem): string =>
    item.kind === 'property' ? `\\p{${item.name}}` : rangesSource(item.ranges);
  if (mode === 'plain') {
    const parts = items.map((item) => {
      if (!item.negated) return positive(item);
      return item.kind === 'property' ? `\\P{${item.name}}` : rangesSource(complementRanges(item.ranges));
    });
    return `[${negated ? '^' : ''}${parts.join('')}]`;
  }
  const plainItems = items.filter((item) => !item.negated);
  const negatedItems = items.filter((item) => item.negated);
  if (negatedItems.length === 0) return `[${negated ? '^' : ''}${plainItems.map(positive).join('')}]`;
  const alternatives = [
    ...(plainItems.length > 0 ? [`[${plainItems.map(positive).join('')}]`] : []),
    ...negatedItems.map((item) => `(?![${positive(item)}])[^]`),
  ];
  const union = `(?:${alternatives.join('|')})`;
  return negated ? `(?:(?!${union})[^])` : union;
}

function bracket(ranges: Ranges): string {
  return `[${rangesSource(ranges)}]`;
}

function rangesSource(ranges: Ranges): string {
  return ranges.map(([lo, hi]) => (lo === hi ? char(lo) : `${char(lo)}-${char(hi)}`)).join('');
}

/** ASCII letters and digits as themselves, everything else as \u{…}: valid in and out of classes under `u`. */
function char(cp: number): string {
  const isPlain = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return isPlain ? String.fromCodePoint(cp) : `\\u{${cp.toString(16)}}`;
}
