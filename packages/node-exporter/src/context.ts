import { join } from 'node:path';
import { ConfigError } from '@scrapekit/exporter-kit';
import type { FlagValues } from '@scrapekit/exporter-kit';

/**
 * What every node collector gets as its scrape target: where /proc, /sys and the root
 * filesystem are (--path.procfs, --path.sysfs, --path.rootfs, --path.udev.data) and the parsed
 * flags. Built once at start-up; nothing in it changes per scrape.
 */
export interface NodeContext {
  readonly procfs: string;
  readonly sysfs: string;
  readonly rootfs: string;
  readonly udevData: string;
  readonly flags: FlagValues;
  proc(...parts: string[]): string;
  sys(...parts: string[]): string;
  rootfsPath(...parts: string[]): string;
  /** A string flag's value; '' when unset. */
  str(name: string): string;
  bool(name: string): boolean;
  /** A repeatable flag's values (a plain string flag gives a one-element list). */
  list(name: string): readonly string[];
  /** A regex flag compiled once (Go RE2 syntax subset, unanchored like Go's MatchString); undefined when empty. */
  regex(name: string): RegExp | undefined;
  /**
   * State that must outlive one scrape (the cpu counter cache, the filesystem collector's hung
   * statfs calls), keyed by collector name. Lives as long as this context.
   */
  state<T>(key: string, init: () => T): T;
}

/** Flags whose value is a regular expression: compiled at start-up so a typo fails there, not at the first scrape. */
const REGEX_FLAG = /(-include|-exclude|\.fields|ignored-devices|ignored-supplies|ignored-mount-points|ignored-fs-types)$/;

export function createNodeContext(flags: FlagValues): NodeContext {
  const procfs = String(flags['path.procfs'] ?? '/proc');
  const sysfs = String(flags['path.sysfs'] ?? '/sys');
  const rootfs = String(flags['path.rootfs'] ?? '/');
  const udevData = String(flags['path.udev.data'] ?? '/run/udev/data');
  const regexes = new Map<string, RegExp | undefined>();
  const states = new Map<string, unknown>();
  const str = (name: string): string => {
    const v = flags[name];
    if (v === undefined || v === false) return '';
    if (Array.isArray(v)) return v.length > 0 ? String(v[v.length - 1]) : '';
    return String(v);
  };
  const ctx: NodeContext = {
    procfs,
    sysfs,
    rootfs,
    udevData,
    flags,
    proc: (...parts) => join(procfs, ...parts),
    sys: (...parts) => join(sysfs, ...parts),
    rootfsPath: (...parts) => join(rootfs, ...parts),
    str,
    bool: (name) => flags[name] === true || flags[name] === 'true',
    list: (name) => {
      const v = flags[name];
      if (v === undefined || v === false || v === '') return [];
      return Array.isArray(v) ? v.map(String) : [String(v)];
    },
    regex: (name) => {
      if (!regexes.has(name)) regexes.set(name, compileGoRegex(name, str(name)));
      return regexes.get(name);
    },
    state: <T>(key: string, init: () => T): T => {
      if (!states.has(key)) states.set(key, init());
      return states.get(key) as T;
    },
  };
  for (const name of Object.keys(flags)) if (REGEX_FLAG.test(name)) ctx.regex(name);
  return ctx;
}

/**
 * Compiles a node_exporter (Go RE2) pattern for JavaScript. The patterns users write for these
 * flags are in the common subset; the one RE2 spelling JS lacks, a leading (?i), becomes a flag.
 */
export function compileGoRegex(flagName: string, pattern: string): RegExp | undefined {
  if (pattern === '') return undefined;
  let source = pattern;
  let flagsStr = '';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1] as string) if (f === 'i' || f === 'm' || f === 's') flagsStr += f;
  }
  try {
    return new RegExp(source, flagsStr);
  } catch (err) {
    throw new ConfigError(`--${flagName}: invalid regular expression ${JSON.stringify(pattern)} (${(err as Error).message}); fix the pattern`);
  }
}
