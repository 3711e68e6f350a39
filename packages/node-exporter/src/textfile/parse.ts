import type { MetricType, Sample } from '@scrapekit/exporter-kit';
import { ParseError } from '../procfs/errors.js';

/** One family read from a text-format file; `help` undefined when the file gave none. */
export interface TextFamily {
  readonly name: string;
  help: string | undefined;
  type: MetricType;
  readonly samples: Sample[];
}

export interface TextParseResult {
  readonly families: TextFamily[];
  /** True when any sample carried a client-side timestamp (which node_exporter refuses). */
  readonly hasTimestamps: boolean;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Go's dto.MetricType names (compared upper-cased, as Go does) but GAUGE_HISTOGRAM, on which node_exporter 1.5.0 panics. */
const TYPES: ReadonlySet<string> = new Set(['COUNTER', 'GAUGE', 'UNTYPED', 'HISTOGRAM', 'SUMMARY']);

/**
 * The Prometheus text exposition format 0.0.4, read as node_exporter's textfile collector reads
 * it (prometheus/common's text parser): blanks and tabs separate tokens, a carriage return does
 * not (a CRLF file is an error there too), every line must end with a newline, values are Go
 * floats (out of range is an error), `le` and `quantile` must be floats, free comments and
 * missing HELP/TYPE are accepted, and anything ambiguous (bad names, duplicate labels, a second
 * HELP or TYPE, a TYPE after its samples) is a ParseError with the line number.
 *
 * Histogram and summary samples are Go's too: `x_sum`/`x_count` (and `x_bucket` of a histogram)
 * belong to a typed `x` unless a family `x_sum`... already exists; a histogram sample named `x`
 * with `le` is a bucket (its suffix becomes `_bucket`); a histogram or summary sample without
 * `le`/`quantile` and without a _sum/_count suffix carries no data, it only makes its series exist.
 */
export function parseTextFormat(text: string, source = 'textfile'): TextParseResult {
  const families = new Map<string, TextFamily>();
  const typed = new Set<string>();
  let hasTimestamps = false;

  const family = (name: string): TextFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, help: undefined, type: 'untyped', samples: [] };
      families.set(name, f);
    }
    return f;
  };

  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const no = i + 1;
    const row = rows[i] as string;
    // Leading blanks only: trailing ones matter to Go (a TYPE word or timestamp ends there).
    const line = row.slice(skipBlankTab(row, 0));
    if (line === '') continue;
    const fail = (msg: string): never => {
      throw new ParseError(`${source}: ${msg}`, no);
    };
    if (i === rows.length - 1) fail('the last line does not end with a newline');

    if (line.startsWith('#')) {
      const m = /^#[ \t]*(HELP|TYPE)[ \t]+(.*)/s.exec(line);
      if (!m) continue; // a free comment
      const [, kw, after] = m as unknown as [string, string, string];
      const name = NAME.exec(after)?.[0] ?? '';
      if (after.length === name.length) continue; // "# TYPE name" and no more: nothing to do, as in Go
      if (!isBlankOrTab(after[name.length])) fail(`invalid metric name ${JSON.stringify(after.split(/[ \t]/)[0])}`);
      const f = family(familyOf(name, families)[0]);
      const rest = after.slice(skipBlankTab(after, name.length));
      if (rest === '') continue;
      if (kw === 'HELP') {
        if (f.help !== undefined) fail(`second HELP line for ${f.name}`);
        f.help = unescapeHelp(rest, fail);
      } else {
        if (typed.has(f.name)) fail(`second TYPE line for ${f.name}`);
        if (f.samples.length > 0) fail(`TYPE line for ${f.name} after its samples`);
        const type = rest.toUpperCase();
        if (!TYPES.has(type)) fail(`unknown type ${JSON.stringify(rest)} for ${f.name}`);
        typed.add(f.name);
        f.type = type.toLowerCase() as MetricType;
      }
      continue;
    }

    const nm = NAME.exec(line);
    if (!nm) fail(`invalid metric name at ${JSON.stringify(line.slice(0, 30))}`);
    const name = (nm as RegExpExecArray)[0];
    const [famName, nameSuffix] = familyOf(name, families);
    const f = family(famName);
    const special = f.type === 'histogram' ? 'le' : f.type === 'summary' ? 'quantile' : undefined;
    let pos = skipBlankTab(line, name.length);
    const labels: Record<string, string> = {};
    if (line[pos] === '{') {
      const pairs: Array<[string, string]> = [];
      pos = skipBlankTab(line, parseLabels(line, pos + 1, pairs, fail));
      for (const [label, v] of pairs) {
        // Go keeps le/quantile of a histogram/summary apart: each must be a float, a repeat is no error (the last counts).
        if (label === special && parseValue(v) === undefined) fail(`${f.type} ${famName}: ${label}=${JSON.stringify(v)} is not a number`);
        if (label !== special && Object.hasOwn(labels, label)) fail(`duplicate label ${label}`);
        labels[label] = v;
      }
    }
    // Value and timestamp are split at blanks and tabs only; a trailing blank starts an empty timestamp.
    const parts = line.slice(pos).split(/[ \t]+/);
    if (parts[0] === '' || parts.length > 2) fail(`expected "value [timestamp]" for ${name}`);
    const value = parseValue(parts[0] as string);
    if (value === undefined) fail(`invalid value ${JSON.stringify(parts[0])} for ${name}`);
    if (parts.length === 2) {
      if (!/^[+-]?\d+$/.test(parts[1] as string)) fail(`invalid timestamp ${JSON.stringify(parts[1])}`);
      hasTimestamps = true;
    }
    const suffix = special === 'le' && nameSuffix === '' && labels.le !== undefined ? '_bucket' : nameSuffix;
    f.samples.push({ suffix, labels, value: value as number });
  }
  return { families: [...families.values()].filter((f) => f.samples.length > 0), hasTimestamps };
}

/**
 * Which family a name belongs to, as Go's setOrCreateCurrentMF: an existing family of that exact
 * name, else `_sum`/`_count` of a summary or `_bucket`/`_sum`/`_count` of a histogram, else its own.
 */
function familyOf(name: string, families: ReadonlyMap<string, TextFamily>): [string, Sample['suffix']] {
  if (families.has(name)) return [name, ''];
  for (const suffix of ['_bucket', '_sum', '_count'] as const) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = families.get(base)?.type;
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return [base, suffix];
  }
  return [name, ''];
}

/** Reads `name="value"` pairs after a `{` at `start` into `into`, in order; returns the index after the `}`. */
function parseLabels(s: string, start: number, into: Array<[string, string]>, fail: (m: string) => never): number {
  let pos = start;
  for (;;) {
    pos = skipBlankTab(s, pos);
    if (s[pos] === '}') return pos + 1;
    const ln = LABEL_NAME.exec(s.slice(pos));
    if (!ln) fail(`invalid label name at ${JSON.stringify(s.slice(pos, pos + 10))}`);
    const labelName = (ln as RegExpExecArray)[0];
    pos = skipBlankTab(s, pos + labelName.length);
    if (s[pos] !== '=') fail(`expected = after label ${labelName}`);
    pos = skipBlankTab(s, pos + 1);
    if (s[pos] !== '"') fail(`expected quoted value for label ${labelName}`);
    pos++;
    let value = '';
    for (;;) {
      const ch = s[pos];
      if (ch === undefined) fail(`unterminated value of label ${labelName}`);
      if (ch === '"') break;
      if (ch === '\\') {
        const next = s[pos + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else fail(`invalid escape \\${next ?? ''} in label ${labelName}`);
        pos += 2;
        continue;
      }
      value += ch;
      pos++;
    }
    if (labelName.startsWith('__')) fail(`reserved label name ${labelName}`);
    into.push([labelName, value]);
    pos = skipBlankTab(s, pos + 1);
    if (s[pos] === ',') {
      pos++;
      continue;
    }
    if (s[pos] === '}') return pos + 1;
    fail(`expected , or } after label ${labelName}`);
  }
}

/**
 * Go's strconv.ParseFloat as the text parser calls it: decimal floats, [+-]inf/infinity and nan
 * in any case; no underscores or hex (the parser refuses 'p' and '_'); a number beyond the
 * float64 range is an error, not an infinity (underflow to zero is accepted, as in Go).
 */
export function parseValue(v: string): number | undefined {
  if (FLOAT.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  const special = /^([+-]?)(inf|infinity)$/i.exec(v);
  if (special) return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return /^nan$/i.test(v) ? Number.NaN : undefined;
}

function isBlankOrTab(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** The index of the first character at or after `pos` that is neither a blank nor a tab (Go's skipBlankTab). */
function skipBlankTab(s: string, pos: number): number {
  let i = pos;
  while (isBlankOrTab(s[i])) i++;
  return i;
}

/** HELP text escapes: `\\` and `\n` only; any other (`\"` too, or a `\` ending the line) is an error in Go. */
function unescapeHelp(s: string, fail: (m: string) => never): string {
  return s.replace(/\\(.?)/gs, (_, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : fail(`invalid escape \\${c} in HELP`)));
}
