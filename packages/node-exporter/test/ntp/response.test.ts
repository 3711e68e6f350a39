import { describe, expect, it } from 'vitest';
import type { NtpPacket } from '../../src/ntp/packet.js';
import { invalidReason, ntpResponse, ntpSanity, type NtpResponse } from '../../src/ntp/response.js';

const S = 1n << 32n; // one second in NTP fixed point
const T0 = 3_913_056_000n * S; // 2024-01-01T00:00:00Z
const UNIX_T0 = 1_704_067_200;

function packet(over: Partial<NtpPacket> = {}): NtpPacket {
  return {
    leap: 0, version: 4, mode: 4, stratum: 2, poll: 6, precision: -20, rootDelay: 0.02, rootDispersion: 0.01, referenceId: 0,
    referenceTime: T0 - 60n * S, originTime: T0, receiveTime: T0 + S / 10n, transmitTime: T0 + S / 10n + S / 100n, ...over,
  };
}

const LIMITS = { maxDistance: 3.46608, offsetTolerance: 0.001 };

describe('ntpResponse', () => {
  it('computes round trip, offset and root distance from the four timestamps', () => {
    // T1 = 0, T2 = 0.1, T3 = 0.11, T4 = 0.03 (our clock 0.09 s behind, 0.02 s on the wire).
    const r = ntpResponse(packet(), T0, T0 + (3n * S) / 100n);
    expect(r.rtt).toBeCloseTo(0.02, 9);
    expect(r.clockOffset).toBeCloseTo(0.09, 9);
    expect(r.rootDistance).toBeCloseTo((0.02 + 0.02) / 2 + 0.01, 9);
    // Our receive time precedes the server's transmit time by 0.08 s: that is the minimum error.
    expect(r.minError).toBeCloseTo(0.08, 9);
    expect(r.time).toBeCloseTo(UNIX_T0 + 0.11, 6);
    expect(r.referenceTime).toBe(UNIX_T0 - 60);
  });

  it('never reports a negative round trip (server time spent exceeds ours)', () => {
    const r = ntpResponse(packet({ receiveTime: T0, transmitTime: T0 + S }), T0, T0 + S / 2n);
    expect(r.rtt).toBe(0);
  });
});

describe('sanity (RFC 5905 checks as node_exporter applies them)', () => {
  const good = (): NtpResponse => ntpResponse(packet({ receiveTime: T0 + S / 1000n, transmitTime: T0 + S / 1000n }), T0, T0 + S / 500n);

  it('a synchronised local server within the limits is sane', () => {
    expect(invalidReason(good())).toBeUndefined();
    expect(ntpSanity(good(), LIMITS, 0).sane).toBe(true);
  });

  it.each([
    ['kiss of death', { stratum: 0 }, /kiss/],
    ['stratum 16', { stratum: 16 }, /stratum 16/],
    ['not in sync', { leap: 3 }, /not in sync/],
    ['stale reference', { referenceTime: T0 - 200_000n * S }, /poll interval/],
    ['reference after transmit', { referenceTime: T0 + 10n * S }, /before reference/],
    ['huge dispersion', { rootDispersion: 17 }, /dispersion/],
  ])('%s is insane', (_, over, reason) => {
    const r = ntpResponse(packet({ receiveTime: T0 + S / 1000n, transmitTime: T0 + S / 1000n, ...over }), T0, T0 + S / 500n);
    expect(invalidReason(r)).toMatch(reason);
    expect(ntpSanity(r, LIMITS, 0).sane).toBe(false);
  });

  it('a root distance beyond --collector.ntp.max-distance is insane', () => {
    expect(ntpSanity(good(), { ...LIMITS, maxDistance: 0.01 }, 0).sane).toBe(false);
  });

  it('a local clock off by more than the tolerance is insane, except within a day of an announced leap second', () => {
    const off = ntpResponse(packet({ receiveTime: T0 + S / 2n, transmitTime: T0 + S / 2n }), T0, T0 + S / 500n);
    expect(off.minError).toBeGreaterThan(0.4);
    expect(ntpSanity(off, LIMITS, 0).sane).toBe(false);
    const announced = ntpResponse(packet({ leap: 1, receiveTime: T0 + S / 2n, transmitTime: T0 + S / 2n }), T0, T0 + S / 500n);
    const first = ntpSanity(announced, LIMITS, 0);
    expect(first).toEqual({ sane: true, leapMidnight: UNIX_T0 + 86_400 });
    // The next scrape no longer carries the leap bit, but is still within a day of that midnight.
    expect(ntpSanity(off, LIMITS, first.leapMidnight).sane).toBe(true);
  });
});
