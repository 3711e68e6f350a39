import { ParseError } from '../procfs/errors.js';

/**
 * The NTP packet header (RFC 5905 §7.3), 48 bytes. Timestamps stay 64-bit fixed point
 * (seconds since 1900 << 32 | fraction) as bigint, so differences keep full precision.
 */
export interface NtpPacket {
  readonly leap: number;
  readonly version: number;
  readonly mode: number;
  readonly stratum: number;
  readonly poll: number;
  readonly precision: number;
  /** Seconds (NTP short format, 16.16). */
  readonly rootDelay: number;
  readonly rootDispersion: number;
  readonly referenceId: number;
  readonly referenceTime: bigint;
  readonly originTime: bigint;
  readonly receiveTime: bigint;
  readonly transmitTime: bigint;
}

export const NTP_PACKET_SIZE = 48;
export const MODE_CLIENT = 3;
export const MODE_SERVER = 4;
/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
const NTP_UNIX_OFFSET = 2_208_988_800n;
const FRACTION = 2 ** 32;

/** A client request: mode 3, the given version, and our transmit timestamp (echoed back as origin). */
export function encodeRequest(version: number, transmitTime: bigint): Buffer {
  const buf = Buffer.alloc(NTP_PACKET_SIZE);
  buf.writeUInt8((0 << 6) | (version << 3) | MODE_CLIENT, 0);
  buf.writeBigUInt64BE(transmitTime, 40);
  return buf;
}

export function decodePacket(buf: Uint8Array): NtpPacket {
  if (buf.length < NTP_PACKET_SIZE) throw new ParseError(`NTP reply of ${buf.length} bytes; the header alone is ${NTP_PACKET_SIZE}`);
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const first = b.readUInt8(0);
  return {
    leap: first >> 6,
    version: (first >> 3) & 0b111,
    mode: first & 0b111,
    stratum: b.readUInt8(1),
    poll: b.readInt8(2),
    precision: b.readInt8(3),
    rootDelay: b.readUInt32BE(4) / 65536,
    rootDispersion: b.readUInt32BE(8) / 65536,
    referenceId: b.readUInt32BE(12),
    referenceTime: b.readBigUInt64BE(16),
    originTime: b.readBigUInt64BE(24),
    receiveTime: b.readBigUInt64BE(32),
    transmitTime: b.readBigUInt64BE(40),
  };
}

/** Unix epoch milliseconds → NTP timestamp (era 0, valid until 2036, as the wire format's 32-bit seconds). */
export function ntpTimeFromUnixMs(ms: number): bigint {
  const whole = Math.floor(ms / 1000);
  const fraction = Math.floor(((ms - whole * 1000) / 1000) * FRACTION);
  return ((BigInt(whole) + NTP_UNIX_OFFSET) << 32n) | BigInt(fraction);
}

/** NTP timestamp → Unix epoch seconds. */
export function unixSecondsFromNtpTime(t: bigint): number {
  return Number((t >> 32n) - NTP_UNIX_OFFSET) + Number(t & 0xffff_ffffn) / FRACTION;
}

/** A difference of two NTP timestamps → seconds. */
export function ntpIntervalSeconds(delta: bigint): number {
  const negative = delta < 0n;
  const abs = negative ? -delta : delta;
  const seconds = Number(abs >> 32n) + Number(abs & 0xffff_ffffn) / FRACTION;
  return negative ? -seconds : seconds;
}
