import { ParseError, fields, lines, parseHex } from './errors.js';

/**
 * /proc/net/stat/nf_conntrack: a header naming the columns, then one line of hex counters per
 * CPU. Returns each column summed over all CPUs (what node_exporter reports).
 */
export function parseConntrackStat(text: string): ReadonlyMap<string, number> {
  const all = lines(text);
  if (all.length < 1) throw new ParseError('nf_conntrack stat: empty file');
  const names = fields((all[0] as [string, number])[0]);
  const sums = new Map<string, number>(names.map((n) => [n, 0]));
  for (const [line, no] of all.slice(1)) {
    const values = fields(line);
    if (values.length !== names.length) throw new ParseError(`nf_conntrack stat: ${values.length} values for ${names.length} columns`, no);
    values.forEach((v, i) => {
      const n = names[i] as string;
      sums.set(n, (sums.get(n) as number) + parseHex(v, 'nf_conntrack stat', no));
    });
  }
  return sums;
}
