import { ParseError } from './errors.js';

/** One /proc/net/stat/<subsystem> file: column name → per-CPU values (hex in the file). */
export function parseLnstat(text: string): Map<string, number[]> {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(/\s+/);
  if (lines.length === 0 || header.some((h) => !/^[a-z_0-9]+$/.test(h))) throw new ParseError('lnstat: missing column header');
  const out = new Map<string, number[]>(header.map((h) => [h, []]));
  for (let i = 1; i < lines.length; i++) {
    const cols = (lines[i] as string).split(/\s+/);
    if (cols.length !== header.length) throw new ParseError(`lnstat line ${i + 1}: ${cols.length} values for ${header.length} columns`);
    cols.forEach((c, j) => {
      if (!/^[0-9a-fA-F]{1,16}$/.test(c)) throw new ParseError(`lnstat line ${i + 1}: ${JSON.stringify(c)} is not hex`);
      (out.get(header[j] as string) as number[]).push(Number.parseInt(c, 16));
    });
  }
  return out;
}
