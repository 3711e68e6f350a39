/**
 * One parser per flag kind: text (from argv, an env var or the spec's default) → the value
 * setup() receives. Every failure is a ConfigError of one line naming the flag.
 */
import { ConfigError, type FlagKind, type FlagSpec, type FlagValue } from '../spec.js';
import { parseGoDuration } from './duration.js';
import { compileRe2 } from './regex.js';
import { parseBase2Bytes } from './size.js';

export const DEFAULT_PLACEHOLDER: Readonly<Record<FlagKind, string>> = {
  string: '<value>',
  enum: '<value>',
  boolean: '',
  number: '<n>',
  duration: '<duration>',
  size: '<size>',
  regex: '<regex>',
  list: '<value>',
};

/** The declared kind; a string flag with choices is an enum. */
export function flagKind(f: FlagSpec): FlagKind {
  const kind = f.kind ?? 'string';
  return kind === 'string' && f.choices ? 'enum' : kind;
}

/** `where` names the source in messages: '--scrape.timeout' or 'NODE_EXPORTER_SCRAPE_TIMEOUT'. */
export function parseFlagValue(f: FlagSpec, value: unknown, where = `--${f.name}`): FlagValue {
  if (value === undefined) return undefined;
  const kind = flagKind(f);
  const fail = (problem: string): ConfigError => new ConfigError(`${where}: ${problem}`);
  switch (kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (/^(1|true|yes|on)$/i.test(String(value))) return true;
      if (/^(0|false|no|off)$/i.test(String(value))) return false;
      throw fail(`expected true or false, got ${JSON.stringify(String(value))}`);
    case 'list':
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case 'number': {
      const n = typeof value === 'number' ? value : String(value).trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(n) || n < 0) throw fail(`expected a non-negative number, got ${JSON.stringify(String(value))}`);
      return n;
    }
    case 'enum': {
      const text = String(value);
      if (f.choices && !f.choices.includes(text)) throw fail(`${JSON.stringify(text)} is not one of ${f.choices.join(', ')}`);
      return text;
    }
    case 'duration':
      try {
        return parseGoDuration(String(value));
      } catch (err) {
        throw fail((err as Error).message);
      }
    case 'size':
      try {
        return parseBase2Bytes(String(value));
      } catch (err) {
        throw fail((err as Error).message);
      }
    case 'regex': {
      const pattern = String(value);
      if (pattern === '') return undefined;
      try {
        return compileRe2(pattern, f.anchor ?? 'none');
      } catch (err) {
        throw fail(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}; fix the pattern (Go RE2 syntax)`);
      }
    }
    case 'string':
      return String(value);
  }
}
