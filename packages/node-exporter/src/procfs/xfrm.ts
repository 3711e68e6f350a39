import { ParseError } from './errors.js';

/** "XfrmInStateProtoError" → "in_state_proto_error", as node_exporter names node_xfrm_<x>_packets_total. */
export function xfrmFieldName(field: string): string {
  return field
    .replace(/^Xfrm/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** /proc/net/xfrm_stat: "<XfrmField> <count>" lines. */
export function parseXfrmStat(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(Xfrm[A-Za-z]+)\s+(\d+)$/.exec(line);
    if (!m) throw new ParseError(`xfrm_stat: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
    out.push([m[1] as string, Number(m[2])]);
  }
  return out;
}
