import { ParseError, fields, lines, parseNumber } from './errors.js';

/** One protocol line of /proc/net/sockstat{,6}: "TCP: inuse 5 orphan 0 tw 2 alloc 7 mem 1". */
export interface SockstatLine {
  readonly protocol: string;
  readonly values: ReadonlyArray<readonly [key: string, value: number]>;
}

export function parseSockstat(text: string, source: string): SockstatLine[] {
  const out: SockstatLine[] = [];
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    const proto = f[0] as string;
    if (!proto.endsWith(':') || f.length % 2 !== 1) throw new ParseError(`${source}: malformed line ${JSON.stringify(line.slice(0, 60))}`, no);
    const values: Array<[string, number]> = [];
    for (let i = 1; i < f.length; i += 2) values.push([f[i] as string, parseNumber(f[i + 1], source, no)]);
    out.push({ protocol: proto.slice(0, -1), values });
  }
  return out;
}
