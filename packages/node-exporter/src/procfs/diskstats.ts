import { ParseError, fields, lines, parseNumber } from './errors.js';

export interface DiskStatsLine {
  readonly major: number;
  readonly minor: number;
  readonly device: string;
  /** The numeric columns after the name: 11 (old kernels), 15 (4.18+) or 17 (5.5+). */
  readonly stats: readonly number[];
}

export function parseDiskstats(text: string): DiskStatsLine[] {
  const out: DiskStatsLine[] = [];
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    if (f.length < 14) throw new ParseError(`diskstats: expected at least 14 fields, got ${f.length}`, no);
    out.push({
      major: parseNumber(f[0], 'diskstats', no),
      minor: parseNumber(f[1], 'diskstats', no),
      device: f[2] as string,
      stats: f.slice(3).map((x) => parseNumber(x, 'diskstats', no)),
    });
  }
  return out;
}
