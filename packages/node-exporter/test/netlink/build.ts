/** Builders of crafted netlink payloads for the decoder tests (host byte order, little-endian). */
export function attr(type: number, value: Buffer): Buffer {
  const len = 4 + value.length;
  const buf = Buffer.alloc((len + 3) & ~3);
  buf.writeUInt16LE(len, 0);
  buf.writeUInt16LE(type, 2);
  value.copy(buf, 4);
  return buf;
}

export const u16 = (n: number): Buffer => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
export const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
export const u64 = (n: bigint): Buffer => { const b = Buffer.alloc(8); b.writeBigUInt64LE(n); return b; };
export const ip = (...bytes: number[]): Buffer => Buffer.from(bytes);
export const ip6 = (hex: string): Buffer => Buffer.from(hex.replace(/:/g, ''), 'hex');
export const cstr = (s: string): Buffer => Buffer.from(`${s}\0`);

/** nlmsghdr + payload, padded: one message of a datagram. */
export function message(type: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32LE(16 + payload.length, 0);
  head.writeUInt16LE(type, 4);
  const padded = Buffer.alloc((payload.length + 3) & ~3);
  payload.copy(padded);
  return Buffer.concat([head, padded]);
}
