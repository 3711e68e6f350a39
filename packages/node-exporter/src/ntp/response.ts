import { ntpIntervalSeconds, unixSecondsFromNtpTime, type NtpPacket } from './packet.js';

/**
 * What one client/server exchange tells (RFC 5905 §8, as beevik/ntp computes it for
 * node_exporter): times in Unix seconds, intervals in seconds.
 */
export interface NtpResponse {
  readonly stratum: number;
  readonly leap: number;
  /** The server's transmit time. */
  readonly time: number;
  readonly referenceTime: number;
  readonly rtt: number;
  readonly clockOffset: number;
  readonly rootDelay: number;
  readonly rootDispersion: number;
  /** Root delay and round trip halved plus root dispersion: the distance to the reference clock. */
  readonly rootDistance: number;
  /** Lower bound on the error between our clock and the server's: how far the timestamps are out of order. */
  readonly minError: number;
}

export const LEAP_NONE = 0;
export const LEAP_ADD_SECOND = 1;
export const LEAP_DEL_SECOND = 2;
export const LEAP_NOT_IN_SYNC = 3;
const MAX_STRATUM = 16;
/** 2^17 s (~36 h), NTP's longest poll interval: a reference older than that is stale. */
const MAX_POLL_INTERVAL = 2 ** 17;
/** MAXDISP (RFC 5905 appendix A.5.1.1). */
const MAX_DISPERSION = 16;

/**
 * `sentAt` is our transmit time (T1; the server echoed it, checked by the client), `receivedAt`
 * our receive time (T4); the packet carries T2 (receive) and T3 (transmit).
 */
export function ntpResponse(p: NtpPacket, sentAt: bigint, receivedAt: bigint): NtpResponse {
  const t1 = sentAt;
  const t2 = p.receiveTime;
  const t3 = p.transmitTime;
  const t4 = receivedAt;
  const rtt = Math.max(0, ntpIntervalSeconds(t4 - t1 - (t3 - t2)));
  const a = t2 - t1;
  const b = t3 - t4;
  const clockOffset = ntpIntervalSeconds(a + (b - a) / 2n);
  const minError = Math.max(t1 >= t2 ? ntpIntervalSeconds(t1 - t2) : 0, t3 >= t4 ? ntpIntervalSeconds(t3 - t4) : 0);
  return {
    stratum: p.stratum,
    leap: p.leap,
    time: unixSecondsFromNtpTime(t3),
    referenceTime: unixSecondsFromNtpTime(p.referenceTime),
    rtt,
    clockOffset,
    rootDelay: p.rootDelay,
    rootDispersion: p.rootDispersion,
    rootDistance: (rtt + p.rootDelay) / 2 + p.rootDispersion,
    minError,
  };
}

/** Why a reply is unfit for synchronisation (RFC 5905 heuristics, as beevik/ntp's Validate), or undefined. */
export function invalidReason(r: NtpResponse): string | undefined {
  if (r.stratum === 0) return 'kiss of death (stratum 0)';
  if (r.stratum >= MAX_STRATUM) return `stratum ${r.stratum} is unsynchronised`;
  if (r.time - r.referenceTime > MAX_POLL_INTERVAL) return 'reference time older than the longest poll interval';
  if (r.rootDelay / 2 + r.rootDispersion > MAX_DISPERSION) return 'root dispersion beyond 16 s';
  if (r.time < r.referenceTime) return 'transmit time before reference time';
  if (r.leap === LEAP_NOT_IN_SYNC) return 'leap indicator says not in sync';
  return undefined;
}

export interface SanityLimits {
  /** Seconds (--collector.ntp.max-distance). */
  readonly maxDistance: number;
  /** Seconds (--collector.ntp.local-offset-tolerance). */
  readonly offsetTolerance: number;
}

const DAY = 86_400;

/**
 * node_exporter's node_ntp_sanity: a valid reply, within the root distance limit, and our clock
 * within the tolerance of the server's. Around a leap second (the day before and after the
 * midnight a leap was announced for) one more second is tolerated; `leapMidnight` carries that
 * midnight (Unix seconds) from scrape to scrape and is returned updated.
 */
export function ntpSanity(r: NtpResponse, limits: SanityLimits, leapMidnight: number): { sane: boolean; leapMidnight: number } {
  let midnight = leapMidnight;
  if (r.leap === LEAP_ADD_SECOND || r.leap === LEAP_DEL_SECOND) midnight = Math.floor(r.time / DAY) * DAY + DAY;
  let tolerance = limits.offsetTolerance;
  if (midnight - DAY < r.time && r.time < midnight + DAY) tolerance += 1;
  const sane = invalidReason(r) === undefined && r.rootDistance <= limits.maxDistance && r.minError <= tolerance;
  return { sane, leapMidnight: midnight };
}
