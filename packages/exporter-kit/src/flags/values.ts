/**
 * Typed reads of parsed flags, for setup() code and collectors: each checks that the value has
 * the type its kind gives, so a flag declared with the wrong kind fails loudly in tests.
 */
import type { FlagValues } from '../spec.js';

function wrongType(name: string, want: string, got: unknown): Error {
  return new TypeError(`flag ${name}: expected ${want}, got ${typeof got} (declare the flag with the matching kind)`);
}

/** A 'regex' flag: the compiled RegExp, undefined when the flag is empty. */
export function regexFlag(flags: FlagValues, name: string): RegExp | undefined {
  const v = flags[name];
  if (v === undefined || v instanceof RegExp) return v;
  throw wrongType(name, 'a RegExp', v);
}

/** A 'duration' flag in milliseconds, a 'size' flag in bytes or a 'number' flag; undefined when unset. */
export function numberFlag(flags: FlagValues, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined || typeof v === 'number') return v;
  throw wrongType(name, 'a number', v);
}

export function booleanFlag(flags: FlagValues, name: string): boolean {
  const v = flags[name];
  if (v === undefined || typeof v === 'boolean') return v === true;
  throw wrongType(name, 'a boolean', v);
}

/** A 'string' or 'enum' flag; '' when unset. */
export function stringFlag(flags: FlagValues, name: string): string {
  const v = flags[name];
  if (v === undefined || typeof v === 'string') return v ?? '';
  throw wrongType(name, 'a string', v);
}

/** A 'list' flag; [] when unset. */
export function listFlag(flags: FlagValues, name: string): readonly string[] {
  const v = flags[name];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v as readonly string[];
  throw wrongType(name, 'a list', v);
}
