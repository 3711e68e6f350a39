import { ParseError } from './errors.js';

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
