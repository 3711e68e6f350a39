import { ParseError } from './errors.js';

/** /proc/softirqs: per-CPU counts of each softirq vector. */
export function parseSoftirqs(text: string): Array<{ type: string; values: number[] }> {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').trim();
  if (!/^CPU\d+/.test(header)) throw new ParseError('/proc/softirqs: missing CPU header');
  const out: Array<{ type: string; values: number[] }> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const m = /^([A-Z_]+):\s*(.*)$/.exec(line);
    if (!m) throw new ParseError(`/proc/softirqs line ${i + 1}: unexpected ${JSON.stringify(line.slice(0, 40))}`);
    const values = (m[2] as string).split(/\s+/).filter((v) => v !== '').map((v) => {
      if (!/^\d+$/.test(v)) throw new ParseError(`/proc/softirqs line ${i + 1}: ${JSON.stringify(v)} is not a number`);
      return Number(v);
    });
    out.push({ type: m[1] as string, values });
  }
  return out;
}
