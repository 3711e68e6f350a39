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

export interface CgroupSubsys {
  readonly name: string;
  readonly hierarchy: number;
  readonly cgroups: number;
  readonly enabled: number;
}

/** /proc/cgroups: "#subsys_name hierarchy num_cgroups enabled". */
export function parseProcCgroups(text: string): CgroupSubsys[] {
  const out: CgroupSubsys[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split(/\s+/);
    if (cols.length !== 4 || !cols.slice(1).every((c) => /^\d+$/.test(c))) throw new ParseError(`/proc/cgroups: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
    out.push({ name: cols[0] as string, hierarchy: Number(cols[1]), cgroups: Number(cols[2]), enabled: Number(cols[3]) });
  }
  return out;
}
