import { join } from 'node:path';
import { regexFlag, type FlagValues } from '@scrapekit/exporter-kit';

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
  /** A regex flag, as the kit compiled it at start-up (Go RE2 syntax, anchored as declared); undefined when empty. */
  regex(name: string): RegExp | undefined;
  /**
   * State that must outlive one scrape (the cpu counter cache, the filesystem collector's hung
   * statfs calls), keyed by collector name. Lives as long as this context.
   */
  state<T>(key: string, init: () => T): T;
}

export function createNodeContext(flags: FlagValues): NodeContext {
  const procfs = String(flags['path.procfs'] ?? '/proc');
  const sysfs = String(flags['path.sysfs'] ?? '/sys');
  const rootfs = String(flags['path.rootfs'] ?? '/');
  const udevData = String(flags['path.udev.data'] ?? '/run/udev/data');
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
    regex: (name) => regexFlag(flags, name),
    state: <T>(key: string, init: () => T): T => {
      if (!states.has(key)) states.set(key, init());
      return states.get(key) as T;
    },
  };
  return ctx;
}
