import { ParseError } from './errors.js';

export type DrbdSample =
  | { readonly kind: 'number'; readonly device: string; readonly key: string; readonly value: number }
  | { readonly kind: 'pair'; readonly device: string; readonly key: string; readonly local: string; readonly remote: string }
  | { readonly kind: 'connection'; readonly device: string; readonly state: string };

const NUMERIC_KEYS = new Set(['ns', 'nr', 'dw', 'dr', 'al', 'bm', 'lo', 'pe', 'ua', 'ap', 'ep', 'oos']);
const PAIR_KEYS = new Set(['ro', 'ds']);

/**
 * /proc/drbd (DRBD 8.x): whitespace-separated "key:value" words; "N:" starts device drbdN.
 * Words that are not key:value pairs (version banner, progress bars) are skipped, as
 * node_exporter does.
 */
export function parseProcDrbd(text: string): DrbdSample[] {
  const out: DrbdSample[] = [];
  let device = 'unknown';
  for (const word of text.split(/\s+/)) {
    const kv = word.split(':');
    if (kv.length !== 2) continue;
    const [key, value] = kv as [string, string];
    if (/^\d+$/.test(key) && value === '') {
      device = `drbd${Number(key)}`;
    } else if (NUMERIC_KEYS.has(key)) {
      if (!/^\d+(\.\d+)?$/.test(value)) throw new ParseError(`/proc/drbd ${device}: ${key} value ${JSON.stringify(value)} is not a number`);
      out.push({ kind: 'number', device, key, value: Number(value) });
    } else if (PAIR_KEYS.has(key)) {
      const [local, remote] = value.split('/');
      if (remote === undefined) throw new ParseError(`/proc/drbd ${device}: ${key} value ${JSON.stringify(value)} is not local/remote`);
      out.push({ kind: 'pair', device, key, local: local as string, remote });
    } else if (key === 'cs') {
      out.push({ kind: 'connection', device, state: value });
    }
  }
  return out;
}
