/**
 * Pure decoding of rtnetlink (NETLINK_ROUTE) dump replies: the link and address tables that
 * node_exporter reads through Go's net.Interfaces()/Addrs(). Byte layouts from linux/netlink.h,
 * linux/rtnetlink.h, linux/if_addr.h and linux/if_link.h; host byte order (little-endian here).
 * The message framing (nlmsghdr, NLMSG_DONE/NLMSG_ERROR) is the same for every netlink family.
 */
import { align4, cString, netlinkAttributes as attributes } from './attributes.js';

export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
export const RTM_GETLINK = 18;
export const RTM_NEWLINK = 16;
export const RTM_GETADDR = 22;
export const RTM_NEWADDR = 20;
const NLMSG_HEADER = 16;
const IFLA_IFNAME = 3;
const IFA_ADDRESS = 1;
const IFA_LOCAL = 2;
const AF_INET = 2;
const AF_INET6 = 10;

export interface RouteMessage {
  readonly type: number;
  readonly payload: Buffer;
}

export interface LinkRecord {
  readonly index: number;
  readonly name: string;
}

export interface AddressRecord {
  readonly index: number;
  /** As Go's net.IP.String() prints it. */
  readonly address: string;
  readonly prefixLength: number;
}

export const NLM_F_REQUEST = 0x1;
export const NLM_F_DUMP = 0x300;

/** The kernel's refusal of a request: `errno` is the positive error number (2 = ENOENT). */
export class NetlinkError extends Error {
  override readonly name = 'NetlinkError';
  constructor(readonly errno: number) {
    super(`netlink: the kernel answered error ${errno}`);
  }
}

/** A request: nlmsghdr with `flags` followed by `body` (the family header and any attributes). */
export function encodeRequest(type: number, flags: number, sequence: number, body: Buffer): Buffer {
  const buf = Buffer.alloc(NLMSG_HEADER + align4(body.length));
  buf.writeUInt32LE(buf.length, 0);
  buf.writeUInt16LE(type, 4);
  buf.writeUInt16LE(flags, 6);
  buf.writeUInt32LE(sequence, 8);
  body.copy(buf, NLMSG_HEADER);
  return buf;
}

/** A request for a whole table: nlmsghdr (NLM_F_REQUEST | NLM_F_DUMP) followed by a zeroed family header. */
export function encodeDumpRequest(type: number, headerLength: number, sequence: number): Buffer {
  return encodeRequest(type, NLM_F_REQUEST | NLM_F_DUMP, sequence, Buffer.alloc(headerLength));
}

/**
 * Splits one datagram of a dump reply into messages. Returns `done` at NLMSG_DONE; an
 * NLMSG_ERROR with a non-zero code becomes an Error naming the errno.
 */
export function decodeRouteMessages(buf: Buffer): { messages: RouteMessage[]; done: boolean } {
  const messages: RouteMessage[] = [];
  let offset = 0;
  while (offset + NLMSG_HEADER <= buf.length) {
    const length = buf.readUInt32LE(offset);
    const type = buf.readUInt16LE(offset + 4);
    if (length < NLMSG_HEADER || offset + length > buf.length) throw new Error(`netlink: truncated message (${length} bytes at ${offset})`);
    if (type === NLMSG_DONE) return { messages, done: true };
    if (type === NLMSG_ERROR) {
      const code = buf.readInt32LE(offset + NLMSG_HEADER);
      if (code !== 0) throw new NetlinkError(-code);
    } else {
      messages.push({ type, payload: buf.subarray(offset + NLMSG_HEADER, offset + length) });
    }
    offset += align4(length);
  }
  return { messages, done: false };
}

/** RTM_NEWLINK: ifinfomsg (16 bytes; index at 4) then attributes; the name is IFLA_IFNAME. */
export function decodeLink(payload: Buffer): LinkRecord | undefined {
  if (payload.length < 16) return undefined;
  const index = payload.readInt32LE(4);
  for (const a of attributes(payload, 16)) {
    if (a.type === IFLA_IFNAME) return { index, name: cString(a.value) };
  }
  return undefined;
}

/**
 * RTM_NEWADDR: ifaddrmsg (family, prefixlen, flags, scope, index) then attributes. As Go's
 * net package: when IFA_LOCAL is present (point-to-point links) it is the address and
 * IFA_ADDRESS (the peer) is skipped; otherwise the first address attribute is taken.
 */
export function decodeAddress(payload: Buffer): AddressRecord | undefined {
  if (payload.length < 8) return undefined;
  const family = payload.readUInt8(0);
  const prefixLength = payload.readUInt8(1);
  const index = payload.readUInt32LE(4);
  const attrs = [...attributes(payload, 8)];
  const pointToPoint = attrs.some((a) => a.type === IFA_LOCAL);
  for (const a of attrs) {
    if (pointToPoint && a.type === IFA_ADDRESS) continue;
    if (family === AF_INET && a.value.length >= 4) return { index, address: formatIPv4(a.value), prefixLength };
    if (family === AF_INET6 && a.value.length >= 16) return { index, address: formatIPv6(a.value.subarray(0, 16)), prefixLength };
    return undefined;
  }
  return undefined;
}

export function formatIPv4(b: Buffer): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** Go's IP.String(): IPv4-mapped addresses in dotted form, others compressed as RFC 5952. */
export function formatIPv6(b: Buffer): string {
  if (b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return formatIPv4(b.subarray(12));
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const hex = (g: number[]): string => g.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}
