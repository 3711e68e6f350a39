/**
 * A parser for Go's regexp/syntax (RE2) with the Perl flags Go's regexp.Compile uses: it accepts
 * exactly what Go accepts and rejects what Go rejects, with Go's error wording, and produces a
 * small tree that re2-to-js.ts turns into a JavaScript RegExp. Flags (i, m, s, U) are resolved
 * here, per node, so scoping never reaches the emitter.
 */

export class Re2SyntaxError extends Error {
  override readonly name = 'Re2SyntaxError';
}

/** Code point ranges, inclusive, sorted and non-overlapping once normalised. */
export type Ranges = ReadonlyArray<readonly [number, number]>;

export type ClassItem =
  /** A set of ranges, or (negated) everything outside it: \d \W [:alpha:] [:^alpha:] a-z. */
  | { readonly kind: 'ranges'; readonly ranges: Ranges; readonly negated: boolean }
  /** A Unicode property as JavaScript spells it inside \p{…}: 'Lu', 'Script=Greek'. */
  | { readonly kind: 'property'; readonly name: string; readonly negated: boolean; readonly source: string };

export type Re2Node =
  | { readonly t: 'empty' }
  | { readonly t: 'literal'; readonly cp: number; readonly fold: boolean }
  | { readonly t: 'class'; readonly items: readonly ClassItem[]; readonly negated: boolean; readonly fold: boolean }
  | { readonly t: 'any'; readonly newline: boolean }
  | { readonly t: 'assert'; readonly kind: 'text-begin' | 'text-end' | 'line-begin' | 'line-end' | 'word' | 'not-word' }
  | { readonly t: 'group'; readonly capture: boolean; readonly sub: Re2Node }
  | { readonly t: 'repeat'; readonly sub: Re2Node; readonly min: number; readonly max: number; readonly greedy: boolean }
  | { readonly t: 'concat'; readonly subs: readonly Re2Node[] }
  | { readonly t: 'alternate'; readonly subs: readonly Re2Node[] };

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const MAX_REPEAT = 1000;
const MAX_RUNE = 0x10ffff;

/** Go's unicode.Categories: the names \p{…} accepts besides scripts and Any. */
const GO_CATEGORIES = new Set([
  'C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs',
]);

const DIGIT: Ranges = [[0x30, 0x39]];
const SPACE: Ranges = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const PERL_CLASSES: Readonly<Record<string, Ranges>> = { d: DIGIT, s: SPACE, w: WORD };

/** The ASCII classes of [[:name:]], as Go's regexp/syntax defines them. */
const POSIX_CLASSES: Readonly<Record<string, Ranges>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: DIGIT,
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: WORD,
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isOctal = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x37;
const isHex = (c: number | undefined): boolean =>
  c !== undefined && (isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isWordChar = (c: number): boolean => isAlnum(c) || c === 0x5f;

/** Parses an RE2 pattern; throws Re2SyntaxError with Go's wording for what Go rejects. */
export function parseRe2(pattern: string): Re2Node {
  return new Parser(pattern).parseAll();
}

class Parser {
  private readonly cps: number[];
  private pos = 0;
  private readonly names = new Set<string>();

  constructor(private readonly pattern: string) {
    this.cps = Array.from(pattern, (ch) => ch.codePointAt(0) as number);
  }

  parseAll(): Re2Node {
    const node = this.parseAlternation({ i: false, m: false, s: false, U: false });
    if (this.pos < this.cps.length) throw this.error('unexpected )', this.pattern);
    return node;
  }

  private error(code: string, expr: string): Re2SyntaxError {
    return new Re2SyntaxError(`${code}: \`${expr}\``);
  }

  private text(from: number, to = this.pos): string {
    return String.fromCodePoint(...this.cps.slice(from, to));
  }

  private peek(offset = 0): number | undefined {
    return this.cps[this.pos + offset];
  }

  private startsWith(s: string): boolean {
    const want = Array.from(s, (ch) => ch.codePointAt(0) as number);
    return want.every((c, k) => this.cps[this.pos + k] === c);
  }

  /** alternation := concat ('|' concat)*, up to an unmatched ')' or the end. Flags set by (?i) inside stay inside. */
  private parseAlternation(outer: Flags): Re2Node {
    const flags = { ...outer };
    const branches: Re2Node[] = [this.parseConcat(flags)];
    while (this.peek() === 0x7c /* | */) {
      this.pos++;
      branches.push(this.parseConcat(flags));
    }
    return branches.length === 1 ? (branches[0] as Re2Node) : { t: 'alternate', subs: branches };
  }

  private parseConcat(flags: Flags): Re2Node {
    const items: Re2Node[] = [];
    let lastRepeat: number | undefined; // where the previous token, if a repetition operator, began
    while (this.pos < this.cps.length) {
      const c = this.peek() as number;
      if (c === 0x7c || c === 0x29) break; // | )
      const start = this.pos;
      const repeat = this.parseRepeatOperator(flags);
      if (repeat) {
        const op = this.text(start);
        if (lastRepeat !== undefined) throw this.error('invalid nested repetition operator', this.text(lastRepeat));
        const sub = items.pop();
        if (sub === undefined) throw this.error('missing argument to repetition operator', op);
        const node: Re2Node = { t: 'repeat', sub, ...repeat };
        if ((repeat.min >= 2 || repeat.max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
          throw this.error('invalid repeat count', op);
        }
        items.push(node);
        lastRepeat = start;
        continue;
      }
      lastRepeat = undefined;
      const atom = this.parseAtom(flags);
      if (atom !== undefined) items.push(...(Array.isArray(atom) ? atom : [atom]));
    }
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? (items[0] as Re2Node) : { t: 'concat', subs: items };
  }

  /** *, +, ?, {n}, {n,}, {n,m}, each optionally followed by ? (non-greedy; (?U) swaps). */
  private parseRepeatOperator(flags: Flags): { min: number; max: number; greedy: boolean } | undefined {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === 0x2a) [min, max] = [0, -1];
    else if (c === 0x2b) [min, max] = [1, -1];
    else if (c === 0x3f) [min, max] = [0, 1];
    else if (c === 0x7b) {
      const counted = this.parseCount();
      if (!counted) return undefined;
      [min, max] = counted;
    } else return undefined;
    if (c !== 0x7b) this.pos++;
    let greedy = true;
    if (this.peek() === 0x3f) {
      this.pos++;
      greedy = false;
    }
    if (flags.U) greedy = !greedy;
    return { min, max, greedy };
  }

  /** {n}, {n,} or {n,m}; anything else leaves the position alone and '{' is a literal. */
  private parseCount(): [number, number] | undefined {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.text(this.pos, Math.min(this.cps.length, this.pos + 64)));
    if (!m) return undefined;
    const start = this.pos;
    this.pos += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) throw this.error('invalid repeat count', this.text(start));
    return [min, max];
  }

  private parseAtom(flags: Flags): Re2Node | Re2Node[] | undefined {
    const c = this.peek() as number;
    switch (c) {
      case 0x28: return this.parseGroup(flags); // (
      case 0x5b: return this.parseClass(flags); // [
      case 0x5e: this.pos++; return { t: 'assert', kind: flags.m ? 'line-begin' : 'text-begin' }; // ^
      case 0x24: this.pos++; return { t: 'assert', kind: flags.m ? 'line-end' : 'text-end' }; // $
      case 0x2e: this.pos++; return { t: 'any', newline: flags.s }; // .
      case 0x5c: return this.parseEscapeAtom(flags); // \
      default:
        this.pos++;
        return { t: 'literal', cp: c, fold: flags.i };
    }
  }

  private parseGroup(flags: Flags): Re2Node | undefined {
    const start = this.pos;
    this.pos++; // (
    if (this.peek() !== 0x3f /* ? */) return this.finishGroup(flags, start, true);
    // (?P<name>…) and (?<name>…)
    if (this.startsWith('?P<') || (this.startsWith('?<') && this.peek(2) !== 0x3d && this.peek(2) !== 0x21)) {
      this.pos += this.peek(1) === 0x50 ? 3 : 2;
      const end = this.cps.indexOf(0x3e /* > */, this.pos);
      if (end < 0) throw this.error('invalid named capture', this.text(start, this.cps.length));
      const name = this.text(this.pos, end);
      const capture = this.text(start, end + 1);
      if (name === '' || !Array.from(name).every((ch) => isWordChar(ch.codePointAt(0) as number))) {
        throw this.error('invalid named capture', capture);
      }
      if (this.names.has(name)) throw this.error('duplicate capture group name', name);
      this.names.add(name);
      this.pos = end + 1;
      return this.finishGroup(flags, start, true);
    }
    if (this.startsWith('?=') || this.startsWith('?!') || this.startsWith('?<=') || this.startsWith('?<!')) {
      const what = this.peek(1) === 0x3c ? 'lookbehind' : 'lookahead';
      throw new Re2SyntaxError(`RE2 does not support ${what} assertions: \`${this.text(start, this.pos + (what === 'lookbehind' ? 3 : 2))}\``);
    }
    if (this.startsWith('?P=') || this.startsWith('?P>')) {
      throw new Re2SyntaxError(`RE2 does not support backreferences or recursion: \`${this.text(start, this.pos + 3)}\``);
    }
    // Flags: (?flags) or (?flags:re); flags are i m s U, optionally negated after one '-'.
    this.pos++; // ?
    const next = { ...flags };
    let negate = false;
    let sawFlag = false;
    for (;;) {
      const c = this.peek();
      // Go: an unfinished (?flags is invalid Perl syntax, not a missing parenthesis.
      if (c === undefined) throw this.error('invalid or unsupported Perl syntax', this.text(start, this.cps.length));
      this.pos++;
      const ch = String.fromCodePoint(c);
      if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') {
        next[ch] = !negate;
        sawFlag = true;
      } else if (ch === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((ch === ':' || ch === ')') && !(negate && !sawFlag)) {
        if (ch === ')') {
          Object.assign(flags, next); // lasts to the end of the enclosing group
          return undefined;
        }
        return this.finishGroup(next, start, false);
      } else {
        throw this.error('invalid or unsupported Perl syntax', this.text(start, this.pos));
      }
    }
  }

  private finishGroup(flags: Flags, start: number, capture: boolean): Re2Node {
    const sub = this.parseAlternation(flags);
    if (this.peek() !== 0x29) throw this.error('missing closing )', this.pattern); // Go quotes the whole expression
    this.pos++;
    return { t: 'group', capture, sub };
  }

  private parseEscapeAtom(flags: Flags): Re2Node | Re2Node[] | undefined {
    const start = this.pos;
    const c = this.peek(1);
    if (c === undefined) throw new Re2SyntaxError('trailing backslash at end of expression');
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case 'A': this.pos += 2; return { t: 'assert', kind: 'text-begin' };
      case 'z': this.pos += 2; return { t: 'assert', kind: 'text-end' };
      case 'b': this.pos += 2; return { t: 'assert', kind: 'word' };
      case 'B': this.pos += 2; return { t: 'assert', kind: 'not-word' };
      case 'Q': {
        this.pos += 2;
        let end = this.pos;
        while (end < this.cps.length && !(this.cps[end] === 0x5c && this.cps[end + 1] === 0x45)) end++;
        const literal = this.cps.slice(this.pos, end).map((cp): Re2Node => ({ t: 'literal', cp, fold: flags.i }));
        this.pos = Math.min(this.cps.length, end + 2);
        return literal.length === 0 ? undefined : literal;
      }
      case 'C':
        throw new Re2SyntaxError('`\\C` (match one byte) is not supported: Go\'s regexp rejects it and JavaScript matches characters, not bytes');
      case 'Z':
        throw new Re2SyntaxError('RE2 does not support `\\Z`; use `\\z` or `$` (end of text)');
      default:
        break;
    }
    const item = this.parseClassEscape();
    if (item) return { t: 'class', items: [item], negated: false, fold: flags.i };
    this.pos = start;
    return { t: 'literal', cp: this.parseEscape(), fold: flags.i };
  }

  /** \d \D \s \S \w \W \pN \p{Name} \PN \P{Name}, in or out of a class; undefined if not one. */
  private parseClassEscape(): ClassItem | undefined {
    const start = this.pos;
    const c = this.peek(1);
    if (c === undefined) return undefined;
    const ch = String.fromCodePoint(c);
    const perl = PERL_CLASSES[ch.toLowerCase()];
    if (perl && 'dswDSW'.includes(ch)) {
      this.pos += 2;
      return { kind: 'ranges', ranges: perl, negated: ch !== ch.toLowerCase() };
    }
    if (ch !== 'p' && ch !== 'P') return undefined;
    this.pos += 2;
    let negated = ch === 'P';
    let name: string;
    if (this.peek() === 0x7b /* { */) {
      const end = this.cps.indexOf(0x7d /* } */, this.pos);
      if (end < 0) throw this.error('invalid character class range', this.text(start, this.cps.length));
      name = this.text(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      const one = this.peek();
      if (one === undefined) throw this.error('invalid character class range', this.text(start));
      name = String.fromCodePoint(one);
      this.pos++;
    }
    const source = this.text(start);
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    if (name === 'Any') return { kind: 'ranges', ranges: [[0, MAX_RUNE]], negated };
    const jsName = GO_CATEGORIES.has(name) ? name : /^[A-Z][A-Za-z_]*$/.test(name) ? `Script=${name}` : undefined;
    if (jsName === undefined || !jsKnowsProperty(jsName)) throw this.error('invalid character class range', source);
    return { kind: 'property', name: jsName, negated, source };
  }

  /** One escaped character (Go's parseEscape): \n \x41 \x{263a} \101 \. and so on. */
  private parseEscape(): number {
    const start = this.pos;
    this.pos++; // backslash
    const c = this.peek();
    if (c === undefined) throw new Re2SyntaxError('trailing backslash at end of expression');
    this.pos++;
    const ch = String.fromCodePoint(c);
    if (ch >= '1' && ch <= '7' && !isOctal(this.peek())) {
      throw new Re2SyntaxError(`RE2 does not support backreferences: \`${this.text(start)}\``);
    }
    if (ch >= '0' && ch <= '7') {
      let value = c - 0x30;
      for (let k = 0; k < 2 && isOctal(this.peek()); k++) value = value * 8 + ((this.cps[this.pos++] as number) - 0x30);
      return value;
    }
    if (ch === '8' || ch === '9') throw new Re2SyntaxError(`RE2 does not support backreferences: \`${this.text(start)}\``);
    if (ch === 'x') {
      if (this.peek() === 0x7b) {
        const end = this.cps.indexOf(0x7d, this.pos);
        const hex = end < 0 ? '' : this.text(this.pos + 1, end);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > MAX_RUNE) throw this.error('invalid escape sequence', this.text(start, end < 0 ? this.cps.length : end + 1));
        this.pos = end + 1;
        return parseInt(hex, 16);
      }
      if (!isHex(this.peek()) || !isHex(this.peek(1))) throw this.error('invalid escape sequence', this.text(start, Math.min(this.cps.length, this.pos + 2)));
      this.pos += 2;
      return parseInt(this.text(this.pos - 2), 16);
    }
    const simple: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (simple[ch] !== undefined) return simple[ch];
    if (c < 0x80 && !isAlnum(c)) return c; // any escaped ASCII punctuation is itself
    if (ch === 'k' || ch === 'g') throw new Re2SyntaxError(`RE2 does not support backreferences: \`${this.text(start)}\``);
    throw this.error('invalid escape sequence', this.text(start));
  }

  private parseClass(flags: Flags): Re2Node {
    const start = this.pos;
    this.pos++; // [
    let negated = false;
    if (this.peek() === 0x5e) {
      negated = true;
      this.pos++;
    }
    const items: ClassItem[] = [];
    let first = true;
    while (this.peek() !== 0x5d || first) {
      if (this.pos >= this.cps.length) throw this.error('missing closing ]', this.text(start, this.cps.length));
      first = false;
      const posix = this.parsePosixClass();
      if (posix) {
        items.push(posix);
        continue;
      }
      if (this.peek() === 0x5c) {
        const escaped = this.parseClassEscape();
        if (escaped) {
          items.push(escaped);
          continue;
        }
      }
      const rangeStart = this.pos;
      const lo = this.parseClassChar(start);
      let hi = lo;
      if (this.peek() === 0x2d /* - */ && this.peek(1) !== undefined && this.peek(1) !== 0x5d) {
        this.pos++;
        hi = this.parseClassChar(start);
        if (hi < lo) throw this.error('invalid character class range', this.text(rangeStart));
      }
      items.push({ kind: 'ranges', ranges: [[lo, hi]], negated: false });
    }
    this.pos++; // ]
    return { t: 'class', items, negated, fold: flags.i };
  }

  private parseClassChar(classStart: number): number {
    const c = this.peek();
    if (c === undefined) throw this.error('missing closing ]', this.text(classStart, this.cps.length));
    if (c === 0x5c) return this.parseEscape();
    this.pos++;
    return c;
  }

  /** [:alpha:] or [:^alpha:] inside a class; undefined (position unchanged) if this is no such thing. */
  private parsePosixClass(): ClassItem | undefined {
    if (!this.startsWith('[:')) return undefined;
    const rest = this.text(this.pos + 2, this.cps.length);
    const end = rest.indexOf(':]');
    if (end < 0) return undefined;
    const full = `[:${rest.slice(0, end)}:]`;
    const negated = rest.startsWith('^');
    const ranges = Object.prototype.hasOwnProperty.call(POSIX_CLASSES, rest.slice(negated ? 1 : 0, end))
      ? POSIX_CLASSES[rest.slice(negated ? 1 : 0, end)]
      : undefined;
    if (!ranges) throw this.error('invalid character class range', full);
    this.pos += Array.from(full).length;
    return { kind: 'ranges', ranges, negated };
  }
}

/** Go's repeatIsValid: nested counted repetitions may not multiply past 1000. */
function repeatIsValid(node: Re2Node, n: number): boolean {
  if (node.t === 'repeat') {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > n) return false;
    if (m > 0) n = Math.trunc(n / m);
  }
  const subs = node.t === 'repeat' || node.t === 'group' ? [node.sub] : node.t === 'concat' || node.t === 'alternate' ? node.subs : [];
  return subs.every((s) => repeatIsValid(s, n));
}

const knownProperties = new Map<string, boolean>();
function jsKnowsProperty(name: string): boolean {
  let known = knownProperties.get(name);
  if (known === undefined) {
    try {
      new RegExp(`\\p{${name}}`, 'u');
      known = true;
    } catch {
      known = false;
    }
    knownProperties.set(name, known);
  }
  return known;
}
