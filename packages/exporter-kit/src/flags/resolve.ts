/**
 * From the values a user gave (each under the flag's name or a deprecated alias, as text) to the
 * parsed FlagValues: defaults filled in, every value parsed by its kind, deprecated aliases
 * mapped with one warning each, include/exclude pairs settled. The command line (argv + env)
 * and hand-built flag sets (tests, embedding) go through this one function.
 */
import { ConfigError, type FlagSpec, type FlagValue, type FlagValues } from '../spec.js';
import { parseFlagValue } from './kinds.js';

/** A value the user gave for a flag. */
export interface GivenValue {
  readonly value: unknown;
  /** How the user spelled where it came from, for messages: '--x' or an env var name. */
  readonly where: string;
  /** The deprecated name it came in under, if any. */
  readonly alias?: string;
}

export interface ResolvedFlags {
  readonly flags: FlagValues;
  /** One line per deprecated flag name used; the launcher logs them once at start-up. */
  readonly warnings: readonly string[];
}

export function finishFlags(specs: readonly FlagSpec[], given: ReadonlyMap<string, GivenValue>, withDefaults = true): ResolvedFlags {
  const flags: Record<string, FlagValue> = {};
  const explicit = new Set<string>();
  const warnings: string[] = [];
  for (const f of specs) {
    const g = given.get(f.name);
    if (g?.alias !== undefined) warnings.push(`--${g.alias} is deprecated and will be removed; use --${f.name}`);
    // Giving a flag its default value is the same as not giving it.
    if (g !== undefined && !sameAsDefault(f, g.value)) explicit.add(f.name);
    flags[f.name] = parseFlagValue(f, g !== undefined ? g.value : withDefaults ? f.default : undefined, g?.where);
  }
  for (const f of specs) {
    if (f.excludeFlag === undefined || !explicit.has(f.name) || isEmpty(flags[f.name])) continue;
    if (explicit.has(f.excludeFlag) && !isEmpty(flags[f.excludeFlag])) {
      throw new ConfigError(`--${f.name} and --${f.excludeFlag} are mutually exclusive; set only one`);
    }
    // An include pattern replaces the exclude flag's default, as node_exporter's filters do.
    flags[f.excludeFlag] = undefined;
  }
  return { flags, warnings };
}

/**
 * Parses a hand-built set of flags given as a user would write them, keyed by flag name or
 * deprecated alias. `defaults: false` leaves flags that are not given undefined.
 */
export function resolveFlagValues(
  specs: readonly FlagSpec[],
  values: Readonly<Record<string, unknown>>,
  options: { readonly defaults?: boolean } = {},
): ResolvedFlags {
  const given = new Map<string, GivenValue>();
  for (const f of specs) {
    const aliases = (f.deprecatedAliases ?? []).filter((a) => values[a] !== undefined);
    const main = values[f.name];
    if (aliases.length > 0 && main !== undefined && !sameAsDefault(f, main)) throw aliasConflict(aliases[0] as string, f.name);
    if (aliases.length > 0) {
      const alias = aliases[0] as string;
      given.set(f.name, { value: values[alias], where: `--${alias}`, alias });
    } else if (main !== undefined) {
      given.set(f.name, { value: main, where: `--${f.name}` });
    }
  }
  const resolved = finishFlags(specs, given, options.defaults ?? true);
  // Values for names no spec declares (paths a test sets, say) pass through as given.
  const known = new Set(specs.flatMap((f) => [f.name, ...(f.deprecatedAliases ?? [])]));
  const extra = Object.fromEntries(Object.entries(values).filter(([k]) => !known.has(k))) as Record<string, FlagValue>;
  return { flags: { ...extra, ...resolved.flags }, warnings: resolved.warnings };
}

/** A deprecated alias given together with its flag (set to anything but its default). */
export function aliasConflict(alias: string, name: string): ConfigError {
  return new ConfigError(`--${alias} and --${name} are mutually exclusive; --${alias} is deprecated, use only --${name}`);
}

function isEmpty(v: FlagValue): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export function sameAsDefault(f: FlagSpec, value: unknown): boolean {
  const d = f.default;
  if (d === undefined) return value === '' || value === undefined;
  if (Array.isArray(d) || Array.isArray(value)) return JSON.stringify(d) === JSON.stringify(value);
  return String(d) === String(value);
}
