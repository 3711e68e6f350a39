import { ParseError } from './errors.js';

export interface SwapDevice {
  readonly device: string;
  readonly type: string;
  readonly sizeKiB: number;
  readonly usedKiB: number;
  readonly priority: number;
}

/** /proc/swaps: a "Filename Type Size Used Priority" header, then one line per swap area (sizes in KiB). */
export function parseSwaps(text: string): SwapDevice[] {
  const lines = text.split('\n');
  if (!/^Filename\s+Type\s+Size\s+Used\s+Priority/.test(lines[0] ?? '')) throw new ParseError('/proc/swaps: missing header');
  const out: SwapDevice[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const f = line.split(/\s+/);
    if (f.length !== 5 || !/^\d+$/.test(f[2] as string) || !/^\d+$/.test(f[3] as string) || !/^-?\d+$/.test(f[4] as string)) {
      throw new ParseError(`/proc/swaps line ${i + 1}: unexpected ${JSON.stringify(line.slice(0, 60))}`);
    }
    out.push({ device: f[0] as string, type: f[1] as string, sizeKiB: Number(f[2]), usedKiB: Number(f[3]), priority: Number(f[4]) });
  }
  return out;
}
