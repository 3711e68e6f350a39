import { ParseError, fields, lines, parseNumber } from './errors.js';

/** "name value" per line, as in /proc/vmstat. */
export function parseKeyValueLines(text: string, source: string): Array<[name: string, value: number]> {
  const out: Array<[string, number]> = [];
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    if (f.length !== 2) throw new ParseError(`${source}: expected "name value", got ${f.length} fields`, no);
    out.push([f[0] as string, parseNumber(f[1], source, no)]);
  }
  return out;
}

/** A file holding one number (entropy_avail, nf_conntrack_count, ...). */
export function parseSingleNumber(text: string, source: string): number {
  const f = fields(text);
  if (f.length !== 1) throw new ParseError(`${source}: expected one number, got ${f.length} fields`);
  return parseNumber(f[0], source);
}

/** /proc/sys/fs/file-nr: "allocated  unused  maximum". */
export function parseFileNr(text: string): { allocated: number; maximum: number } {
  const f = fields(text);
  if (f.length !== 3) throw new ParseError(`file-nr: expected 3 fields, got ${f.length}`);
  return { allocated: parseNumber(f[0], 'file-nr'), maximum: parseNumber(f[2], 'file-nr') };
}
