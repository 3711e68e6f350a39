import { ParseError } from './errors.js';

export interface BuddyZone {
  readonly node: string;
  readonly zone: string;
  /** Free blocks per order: index = order (block size 2^order pages). */
  readonly sizes: number[];
}

export function parseBuddyinfo(text: string): BuddyZone[] {
  const out: BuddyZone[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^Node\s+(\d+),\s*zone\s+(\S+)\s+(.*)$/.exec(line);
    if (!m) throw new ParseError(`/proc/buddyinfo: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
    const sizes = (m[3] as string).split(/\s+/).map((v) => {
      if (!/^\d+$/.test(v)) throw new ParseError(`/proc/buddyinfo: ${JSON.stringify(v)} is not a count`);
      return Number(v);
    });
    out.push({ node: m[1] as string, zone: m[2] as string, sizes });
  }
  return out;
}
