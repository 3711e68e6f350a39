import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { MODE_CLIENT, decodePacket, encodeRequest, ntpIntervalSeconds, ntpTimeFromUnixMs, unixSecondsFromNtpTime } from '../../src/ntp/packet.js';

/** A server reply laid out byte by byte as RFC 5905 §7.3 draws it. */
function reply(): Buffer {
  const b = Buffer.alloc(48);
  b[0] = (1 << 6) | (4 << 3) | 4; // leap 1 (insert), version 4, mode 4 (server)
  b[1] = 3; // stratum
  b[2] = 6; // poll 2^6 s
  b[3] = 0xe9; // precision -23
  b.writeUInt32BE(0x0001_8000, 4); // root delay 1.5 s
  b.writeUInt32BE(0x0000_4000, 8); // root dispersion 0.25 s
  b.write('GPS\0', 12, 'latin1');
  b.writeUInt32BE(3_913_056_000, 16); // reference time 2024-01-01T00:00:00Z
  b.writeUInt32BE(0x8000_0000, 20); //  + 0.5 s
  b.writeBigUInt64BE(0x1122_3344_5566_7788n, 24);
  b.writeUInt32BE(3_913_056_001, 32);
  b.writeUInt32BE(3_913_056_002, 40);
  return b;
}

describe('NTP packet', () => {
  it('decodes every header field of a server reply', () => {
    const p = decodePacket(reply());
    expect(p).toMatchObject({ leap: 1, version: 4, mode: 4, stratum: 3, poll: 6, precision: -23, rootDelay: 1.5, rootDispersion: 0.25 });
    expect(p.referenceId).toBe(0x4750_5300);
    expect(p.originTime).toBe(0x1122_3344_5566_7788n);
    expect(unixSecondsFromNtpTime(p.referenceTime)).toBe(1_704_067_200.5);
    expect(unixSecondsFromNtpTime(p.receiveTime)).toBe(1_704_067_201);
    expect(unixSecondsFromNtpTime(p.transmitTime)).toBe(1_704_067_202);
  });

  it('rejects a reply shorter than the header', () => {
    expect(() => decodePacket(reply().subarray(0, 47))).toThrow(ParseError);
  });

  it('encodes a client request carrying our transmit time', () => {
    const t = ntpTimeFromUnixMs(1_704_067_200_250);
    const req = encodeRequest(3, t);
    expect(req).toHaveLength(48);
    expect(req[0]).toBe((3 << 3) | MODE_CLIENT);
    expect(req.readBigUInt64BE(40)).toBe(t);
    expect(req.subarray(1, 40).every((x) => x === 0)).toBe(true);
  });

  it('converts between Unix milliseconds and NTP time, and intervals of either sign', () => {
    const t = ntpTimeFromUnixMs(1_704_067_200_250);
    expect(t >> 32n).toBe(3_913_056_000n);
    expect(Number(t & 0xffff_ffffn)).toBe(2 ** 30);
    expect(unixSecondsFromNtpTime(t)).toBe(1_704_067_200.25);
    expect(ntpIntervalSeconds(-(3n << 31n))).toBe(-1.5);
    expect(ntpIntervalSeconds(1n << 30n)).toBe(0.25);
  });
});
