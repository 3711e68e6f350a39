import { ParseError } from './errors.js';

export interface SlabInfo {
  readonly name: string;
  readonly activeObjects: number;
  readonly objects: number;
  readonly objectSizeBytes: number;
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
}

/** /proc/slabinfo (version 2.1): a version line, a "# name …" header, then one line per cache. */
export function parseSlabinfo(text: string): SlabInfo[] {
  const lines = text.split('\n');
  if (!/^slabinfo - version: 2\./.test(lines[0] ?? '')) throw new ParseError('slabinfo: unsupported version line');
  const out: SlabInfo[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    const nums = f.slice(1, 6);
    if (f.length < 6 || !nums.every((n) => /^\d+$/.test(n))) throw new ParseError(`slabinfo line ${i + 1}: unexpected ${JSON.stringify(line.slice(0, 60))}`);
    const [a, o, s, ops, pps] = nums.map(Number) as [number, number, number, number, number];
    out.push({ name: f[0] as string, activeObjects: a, objects: o, objectSizeBytes: s, objectsPerSlab: ops, pagesPerSlab: pps });
  }
  return out;
}
