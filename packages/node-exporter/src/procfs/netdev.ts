import { ParseError, fields, lines, parseNumber } from './errors.js';

/** Counters of one interface from /proc/net/dev, keyed 'receive_bytes', 'transmit_colls', ... */
export interface NetDevLine {
  readonly device: string;
  readonly counters: ReadonlyMap<string, number>;
}

/**
 * /proc/net/dev: two header lines (the second names the receive and transmit columns), then
 * "  eth0: 123 4 ..." per interface. Column names come from the header, so a kernel that adds
 * columns is handled.
 */
export function parseNetDev(text: string): NetDevLine[] {
  const all = lines(text);
  if (all.length < 2) throw new ParseError('net/dev: missing header');
  const header = (all[1] as [string, number])[0].split('|');
  if (header.length < 3) throw new ParseError('net/dev: unexpected header', 2);
  const rx = fields(header[1] as string).map((n) => `receive_${n}`);
  const tx = fields(header[2] as string).map((n) => `transmit_${n}`);
  const names = [...rx, ...tx];
  const out: NetDevLine[] = [];
  for (const [line, no] of all.slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new ParseError('net/dev: interface line without colon', no);
    const device = line.slice(0, colon).trim();
    const values = fields(line.slice(colon + 1));
    if (device === '' || values.length !== names.length) {
      throw new ParseError(`net/dev: expected ${names.length} values for ${JSON.stringify(device)}, got ${values.length}`, no);
    }
    const counters = new Map<string, number>();
    values.forEach((v, i) => counters.set(names[i] as string, parseNumber(v, 'net/dev', no)));
    out.push({ device, counters });
  }
  return out;
}
