import { ParseError } from './errors.js';

export interface SysctlRequest {
  /** Dotted name, e.g. "fs.file-nr". */
  readonly name: string;
  /** Names for the values of a multi-value sysctl ("fs.file-nr:total,current,max"). */
  readonly keys: readonly string[];
  /** Numeric (--collector.sysctl.include) or text (--collector.sysctl.include-info). */
  readonly numeric: boolean;
}

/** Parses a --collector.sysctl.include[-info] value: "<name>[:<key>,<key>…]". */
export function parseSysctlRequest(flagValue: string, numeric: boolean): SysctlRequest {
  const colon = flagValue.indexOf(':');
  const name = colon < 0 ? flagValue : flagValue.slice(0, colon);
  const keys = colon < 0 ? [] : flagValue.slice(colon + 1).split(',');
  // Each dot becomes a path separator, so no part can be "..": refusing "/" keeps reads in /proc/sys.
  if (name === '' || name.includes('/')) throw new ParseError(`sysctl name ${JSON.stringify(name)} is not valid`);
  return { name, keys, numeric };
}

/** The whitespace-separated values of /proc/sys/<name>; numeric ones must be integers. */
export function parseSysctlValues(text: string, numeric: boolean, name: string): Array<string | number> {
  const fields = text.trim().split(/\s+/).filter((f) => f !== '');
  if (!numeric) return fields;
  return fields.map((f) => {
    if (!/^-?\d+$/.test(f)) throw new ParseError(`sysctl ${name}: ${JSON.stringify(f)} is not an integer`);
    return Number(f);
  });
}
