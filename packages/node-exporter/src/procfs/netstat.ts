import { ParseError, fields, lines, parseNumber } from './errors.js';

/** One statistic: protocol ('TcpExt', 'Udp6'), field ('ListenDrops') and value. */
export interface NetStatistic {
  readonly protocol: string;
  readonly field: string;
  readonly value: number;
}

/**
 * /proc/net/netstat and /proc/net/snmp: pairs of lines, "Proto: Name1 Name2" followed by
 * "Proto: v1 v2". Values can be negative (Tcp MaxConn is -1).
 */
export function parseNetstatPairs(text: string, source: string): NetStatistic[] {
  const out: NetStatistic[] = [];
  const all = lines(text);
  if (all.length % 2 !== 0) throw new ParseError(`${source}: odd number of lines`);
  for (let i = 0; i < all.length; i += 2) {
    const [head, headNo] = all[i] as [string, number];
    const [vals, valNo] = all[i + 1] as [string, number];
    const names = fields(head);
    const values = fields(vals);
    const proto = names[0] as string;
    if (!proto.endsWith(':') || values[0] !== proto) throw new ParseError(`${source}: header and values disagree on the protocol`, headNo);
    if (names.length !== values.length) throw new ParseError(`${source}: ${names.length - 1} names but ${values.length - 1} values`, valNo);
    for (let j = 1; j < names.length; j++) {
      out.push({ protocol: proto.slice(0, -1), field: names[j] as string, value: parseNumber(values[j], source, valNo) });
    }
  }
  return out;
}

/** /proc/net/snmp6: "Ip6InReceives 123" lines; the protocol is everything up to the first '6'. */
export function parseSnmp6(text: string): NetStatistic[] {
  const out: NetStatistic[] = [];
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    if (f.length !== 2) throw new ParseError(`net/snmp6: expected "name value", got ${f.length} fields`, no);
    const name = f[0] as string;
    const six = name.indexOf('6');
    if (six < 0) continue; // not a per-protocol counter
    out.push({ protocol: name.slice(0, six + 1), field: name.slice(six + 1), value: parseNumber(f[1], 'net/snmp6', no) });
  }
  return out;
}
