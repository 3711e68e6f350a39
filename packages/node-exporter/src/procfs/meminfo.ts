import { ParseError, fields, lines, parseNumber } from './errors.js';

/** One /proc/meminfo line, named as node_exporter names it. */
export interface MeminfoField {
  /** Kernel name with '(anon)'/'(file)' turned into '_anon'/'_file', plus '_bytes' when the line has a unit. */
  readonly name: string;
  /** Bytes when the kernel gave kB, else the raw count (HugePages_*). */
  readonly value: number;
}

export function parseMeminfo(text: string): MeminfoField[] {
  const out: MeminfoField[] = [];
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    const rawKey = f[0] as string;
    if (!rawKey.endsWith(':') || (f.length !== 2 && f.length !== 3)) {
      throw new ParseError(`meminfo: malformed line ${JSON.stringify(line.slice(0, 60))}`, no);
    }
    let name = rawKey.slice(0, -1).replace(/\((.*)\)/, '_$1');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`meminfo: unusable field name ${JSON.stringify(rawKey)}`, no);
    let value = parseNumber(f[1], 'meminfo', no);
    if (f.length === 3) {
      // The kernel only ever prints kB here.
      if (f[2] !== 'kB') throw new ParseError(`meminfo: unknown unit ${JSON.stringify(f[2])}`, no);
      value *= 1024;
      name += '_bytes';
    }
    out.push({ name, value });
  }
  return out;
}
