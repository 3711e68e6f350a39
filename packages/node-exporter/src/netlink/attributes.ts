/**
 * Netlink attributes (struct nlattr, linux/netlink.h): a 16-bit length that counts the 4-byte
 * header, a 16-bit type whose top two bits are flags (nested, byte order), then the value,
 * padded to 4 bytes. Host byte order (little-endian here).
 */

export interface NetlinkAttribute {
  readonly type: number;
  readonly value: Buffer;
}

export const align4 = (n: number): number => (n + 3) & ~3;

/** The attributes from `start` to the end of `buf`; a truncated one ends the walk. */
export function* netlinkAttributes(buf: Buffer, start = 0): Generator<NetlinkAttribute> {
  let offset = start;
  while (offset + 4 <= buf.length) {
    const length = buf.readUInt16LE(offset);
    if (length < 4 || offset + length > buf.length) return;
    yield { type: buf.readUInt16LE(offset + 2) & 0x3fff, value: buf.subarray(offset + 4, offset + length) };
    offset += align4(length);
  }
}

/** One attribute, padded: for request bodies. */
export function encodeAttribute(type: number, value: Buffer): Buffer {
  const buf = Buffer.alloc(align4(4 + value.length));
  buf.writeUInt16LE(4 + value.length, 0);
  buf.writeUInt16LE(type, 2);
  value.copy(buf, 4);
  return buf;
}

/** A C string attribute value: up to its first NUL. */
export function cString(value: Buffer): string {
  const end = value.indexOf(0);
  return value.toString('utf8', 0, end < 0 ? value.length : end);
}
