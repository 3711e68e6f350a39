/**
 * node_exporter's include/exclude pair (collector/device_filter.go): an exclude pattern means
 * "all except", an include pattern "none except"; no pattern keeps everything. The patterns are
 * the regex flags' parsed values (anchored as the flag declares); conflicts between the two
 * flags were settled at start-up (FlagSpec.excludeFlag).
 */
import type { FlagValues } from '../spec.js';
import { regexFlag } from './values.js';

export interface NameFilter {
  ignored(name: string): boolean;
}

/** The rule itself, for hot paths that hold the two patterns already. */
export function ignoredByFilter(name: string, include: RegExp | undefined, exclude: RegExp | undefined): boolean {
  return (exclude !== undefined && exclude.test(name)) || (include !== undefined && !include.test(name));
}

export function includeExcludeFilter(include: RegExp | undefined, exclude: RegExp | undefined): NameFilter {
  return { ignored: (name) => ignoredByFilter(name, include, exclude) };
}

/** The filter of a pair of regex flags; either name may be omitted for a one-sided filter. */
export function flagFilter(flags: FlagValues, names: { readonly include?: string; readonly exclude?: string }): NameFilter {
  return includeExcludeFilter(
    names.include === undefined ? undefined : regexFlag(flags, names.include),
    names.exclude === undefined ? undefined : regexFlag(flags, names.exclude),
  );
}
