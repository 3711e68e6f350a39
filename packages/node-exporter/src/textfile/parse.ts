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
const TYPES: ReadonlySet<string> = new Set(['counter', 'gauge', 'untyped', 'histogram', 'summary']);

/**
 * The Prometheus text exposition format 0.0.4, read as node_exporter's textfile collector reads
 * it (prometheus/common's text parser): blanks and tabs separate tokens, a carriage return does
 * not (a CRLF file is an error there too), values are Go floats (out of range is an error), `le`
 * and `quantile` must be floats, free comments and missing HELP/TYPE are accepted, and anything
 * ambiguous (bad names, duplicate labels, a second HELP or TYPE, a TYPE after its samples) is a
 * ParseError with the line number.
 */
export function parseTextFormat(text: string, source = 'textfile'): TextParseResult {
  const families = new Map<string, TextFamily>();
  const typed = new Set<string>();
  const helped = new Set<string>();
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
    const trimmed = trimBlankTab(rows[i] as string);
    if (trimmed === '') continue;
    const fail = (msg: string): never => {
      throw new ParseError(`${source}: ${msg}`, no);
    };

    if (trimmed.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s+(.*))?$/.exec(trimmed);
      if (!m) continue; // a free comment
      const [, kw, name, rest = ''] = m as unknown as [string, string, string, string | undefined];
      if (!NAME.test(name) || (NAME.exec(name) as RegExpExecArray)[0] !== name) fail(`invalid metric name ${JSON.stringify(name)}`);
      if (kw === 'HELP') {
        if (helped.has(name)) fail(`second HELP line for ${name}`);
        helped.add(name);
        family(name).help = unescapeHelp(rest);
      } else {
        const type = rest.trim();
        if (!TYPES.has(type)) fail(`unknown type ${JSON.stringify(type)} for ${name}`);
        if (typed.has(name)) fail(`second TYPE line for ${name}`);
        const f = family(name);
        if (f.samples.length > 0) fail(`TYPE line for ${name} after its samples`);
        typed.add(name);
        f.type = type as MetricType;
      }
      continue;
    }

    const nm = NAME.exec(trimmed);
    if (!nm) fail(`invalid metric name at ${JSON.stringify(trimmed.slice(0, 30))}`);
    const name = (nm as RegExpExecArray)[0];
    let pos = name.length;
    const labels: Record<string, string> = {};
    while (trimmed[pos] === ' ' || trimmed[pos] === '\t') pos++;
    if (trimmed[pos] === '{') {
      pos = parseLabels(trimmed, pos + 1, labels, fail);
    }
    const rest = trimmed.slice(pos);
    if (rest !== '' && !/^[ \t]/.test(rest) && trimmed[pos - 1] !== ' ' && trimmed[pos - 1] !== '\t') {
      fail(`unexpected ${JSON.stringify(rest.slice(0, 10))} after ${name}`);
    }
    const parts = trimBlankTab(rest).split(/[ \t]+/);
    if (parts.length < 1 || parts[0] === '' || parts.length > 2) fail(`expected "value [timestamp]" for ${name}`);
    const value = parseValue(parts[0] as string);
    if (value === undefined) fail(`invalid value ${JSON.stringify(parts[0])} for ${name}`);
    if (parts.length === 2) {
      if (!/^-?\d+$/.test(parts[1] as string)) fail(`invalid timestamp ${JSON.stringify(parts[1])}`);
      hasTimestamps = true;
    }

    const [famName, suffix] = familyOf(name, families, typed);
    const f = family(famName);
    if (f.type === 'histogram') {
      if (suffix === '') fail(`histogram ${famName} needs _bucket, _sum or _count samples`);
      if (suffix === '_bucket' && labels.le === undefined) fail(`histogram bucket of ${famName} without le`);
      if (suffix === '_bucket' && parseValue(labels.le as string) === undefined) fail(`histogram bucket of ${famName}: le=${JSON.stringify(labels.le)} is not a number`);
    }
    if (f.type === 'summary' && suffix === '' && labels.quantile === undefined) fail(`summary ${famName} sample without quantile`);
    if (f.type === 'summary' && suffix === '' && parseValue(labels.quantile as string) === undefined) {
      fail(`summary ${famName}: quantile=${JSON.stringify(labels.quantile)} is not a number`);
    }
    if (f.type === 'summary' && suffix === '_bucket') fail(`summary ${famName} has no buckets`);
    f.samples.push({ suffix, labels, value: value as number });
  }
  return { families: [...families.values()].filter((f) => f.samples.length > 0), hasTimestamps };
}

/** Which family a sample belongs to: histogram/summary series carry suffixes of a typed base name. */
function familyOf(name: string, families: ReadonlyMap<string, TextFamily>, typed: ReadonlySet<string>): [string, Sample['suffix']] {
  for (const suffix of ['_bucket', '_sum', '_count'] as const) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const f = families.get(base);
    if (f && typed.has(base) && (f.type === 'histogram' || f.type === 'summary')) return [base, suffix];
  }
  return [name, ''];
}

function parseLabels(s: string, start: number, into: Record<string, string>, fail: (m: string) => never): number {
  let pos = start;
  for (;;) {
    while (s[pos] === ' ' || s[pos] === '\t') pos++;
    if (s[pos] === '}') return pos + 1;
    const ln = LABEL_NAME.exec(s.slice(pos));
    if (!ln) fail(`invalid label name at ${JSON.stringify(s.slice(pos, pos + 10))}`);
    const labelName = (ln as RegExpExecArray)[0];
    pos += labelName.length;
    while (s[pos] === ' ') pos++;
    if (s[pos] !== '=') fail(`expected = after label ${labelName}`);
    pos++;
    while (s[pos] === ' ') pos++;
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
    pos++;
    if (labelName.startsWith('__')) fail(`reserved label name ${labelName}`);
    if (Object.hasOwn(into, labelName)) fail(`duplicate label ${labelName}`);
    into[labelName] = value;
    while (s[pos] === ' ') pos++;
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

function trimBlankTab(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === ' ' || s[start] === '\t')) start++;
  while (end > start && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(start, end);
}

function unescapeHelp(s: string): string {
  return s.replace(/\\([n\\])/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}
