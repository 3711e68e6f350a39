import { ParseError } from '../procfs/errors.js';

export interface VmStat {
  readonly pageSize: number;
  /** Page counts keyed by vm_stat's label ("Pages wired down", "Pageins", …). */
  readonly pages: ReadonlyMap<string, number>;
}

/**
 * macOS `vm_stat`: a header with the page size, then "<label>: <count>." lines. Counts are
 * pages (or events, for Pageins/Pageouts), multiplied by the page size by the caller.
 */
export function parseVmStat(text: string): VmStat {
  const lines = text.split('\n');
  const header = /page size of (\d+) bytes/.exec(lines[0] ?? '');
  if (!header) throw new ParseError('vm_stat: missing "page size of N bytes" header');
  const pages = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const m = /^"?([^":]+)"?:\s+(\d+)\.?$/.exec(line);
    if (!m) throw new ParseError(`vm_stat line ${i + 1}: unexpected ${JSON.stringify(line.slice(0, 60))}`);
    pages.set((m[1] as string).trim(), Number(m[2]));
  }
  return { pageSize: Number(header[1]), pages };
}
