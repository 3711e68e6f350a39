import { ParseError } from './errors.js';

export interface IpvsStats {
  readonly connections: number;
  readonly incomingPackets: number;
  readonly outgoingPackets: number;
  readonly incomingBytes: number;
  readonly outgoingBytes: number;
}

const hex = (s: string | undefined, what: string): number => {
  if (s === undefined || !/^[0-9A-Fa-f]{1,16}$/.test(s)) throw new ParseError(`ip_vs: ${what} is not hex: ${JSON.stringify(s)}`);
  return Number.parseInt(s, 16);
};

/** /proc/net/ip_vs_stats: the third line holds the cumulative totals (hex). */
export function parseIpvsStats(text: string): IpvsStats {
  const cols = (text.split('\n')[2] ?? '').trim().split(/\s+/);
  if (cols.length < 5) throw new ParseError('ip_vs_stats: totals line has fewer than 5 columns');
  return {
    connections: hex(cols[0], 'conns'),
    incomingPackets: hex(cols[1], 'incoming packets'),
    outgoingPackets: hex(cols[2], 'outgoing packets'),
    incomingBytes: hex(cols[3], 'incoming bytes'),
    outgoingBytes: hex(cols[4], 'outgoing bytes'),
  };
}

export interface IpvsBackend {
  readonly proto: string;
  readonly localAddress: string;
  readonly localPort: number;
  readonly localMark: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly weight: number;
  readonly activeConn: number;
  readonly inactConn: number;
}

/** Formats 16 bytes as Go's net.IP.String() does: RFC 5952 with the longest zero run compressed. */
function ipv6String(hexText: string): string {
  const groups = hexText.split(':').map((g) => Number.parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g) || g > 0xffff)) throw new ParseError(`ip_vs: bad IPv6 address ${hexText}`);
  // IPv4-mapped addresses print as dotted quads.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const a = groups[6] as number;
    const b = groups[7] as number;
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const parts = groups.map((g) => g.toString(16));
  if (bestStart < 0) return parts.join(':');
  return `${parts.slice(0, bestStart).join(':')}::${parts.slice(bestStart + bestLen).join(':')}`;
}

/** "C0A80016:0CEA" or "[2620:0000:…:0001]:0050" → address string and port. */
function parseAddrPort(text: string): [string, number] {
  const v6 = /^\[([0-9A-Fa-f:]+)\]:([0-9A-Fa-f]{4})$/.exec(text);
  if (v6) return [ipv6String(v6[1] as string), Number.parseInt(v6[2] as string, 16)];
  const v4 = /^([0-9A-Fa-f]{8}):([0-9A-Fa-f]{4})$/.exec(text);
  if (!v4) throw new ParseError(`ip_vs: bad address ${JSON.stringify(text)}`);
  const n = Number.parseInt(v4[1] as string, 16);
  return [`${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`, Number.parseInt(v4[2] as string, 16)];
}

/** /proc/net/ip_vs: virtual services ("TCP addr:port sched", "FWM mark sched") each followed by "-> real server" lines. */
export function parseIpvsBackends(text: string): IpvsBackend[] {
  const out: IpvsBackend[] = [];
  let service: { proto: string; addr: string; port: number; mark: string } | undefined;
  const lines = text.split('\n');
  for (let i = 3; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const f = line.split(/\s+/);
    if (f[0] === 'TCP' || f[0] === 'UDP' || f[0] === 'SCTP') {
      const [addr, port] = parseAddrPort(f[1] ?? '');
      service = { proto: f[0], addr, port, mark: '' };
    } else if (f[0] === 'FWM') {
      if (f[1] === undefined || !/^[0-9A-Fa-f]+$/.test(f[1])) throw new ParseError(`ip_vs line ${i + 1}: bad firewall mark`);
      service = { proto: 'FWM', addr: '', port: 0, mark: f[1] };
    } else if (f[0] === '->') {
      if (!service) throw new ParseError(`ip_vs line ${i + 1}: real server before any virtual service`);
      if (f.length < 6 || !f.slice(3, 6).every((x) => /^\d+$/.test(x))) throw new ParseError(`ip_vs line ${i + 1}: bad real server line`);
      const [raddr, rport] = parseAddrPort(f[1] as string);
      out.push({
        proto: service.proto,
        localAddress: service.addr,
        localPort: service.port,
        localMark: service.mark,
        remoteAddress: raddr,
        remotePort: rport,
        weight: Number(f[3]),
        activeConn: Number(f[4]),
        inactConn: Number(f[5]),
      });
    } else {
      throw new ParseError(`ip_vs line ${i + 1}: unexpected ${JSON.stringify(line.slice(0, 40))}`);
    }
  }
  return out;
}
