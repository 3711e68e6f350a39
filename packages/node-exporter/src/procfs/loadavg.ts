import { ParseError, fields, parseNumber } from './errors.js';

export interface LoadAverage {
  readonly load1: number;
  readonly load5: number;
  readonly load15: number;
}

/** "0.21 0.37 0.39 1/719 19737" → the first three numbers. */
export function parseLoadavg(text: string): LoadAverage {
  const f = fields(text);
  if (f.length < 3) throw new ParseError(`loadavg: expected at least 3 fields, got ${f.length}`);
  return { load1: parseNumber(f[0], 'loadavg'), load5: parseNumber(f[1], 'loadavg'), load15: parseNumber(f[2], 'loadavg') };
}
