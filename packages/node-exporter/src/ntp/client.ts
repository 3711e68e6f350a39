import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { MODE_SERVER, decodePacket, encodeRequest, ntpTimeFromUnixMs, type NtpPacket } from './packet.js';

export interface NtpQuery {
  readonly host: string;
  readonly port: number;
  readonly version: number;
  readonly ttl: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface NtpExchange {
  readonly packet: NtpPacket;
  readonly sentAt: bigint;
  readonly receivedAt: bigint;
}

/**
 * The wall clock with sub-millisecond resolution (Date.now() has whole milliseconds, too coarse
 * for a 1 ms offset tolerance): the high-resolution clock from its wall-clock origin, unless the
 * wall clock has been stepped since the process started, then Date.now().
 */
function wallClockMs(): number {
  const precise = performance.timeOrigin + performance.now();
  const coarse = Date.now();
  return Math.abs(precise - coarse) < 1 ? precise : coarse;
}

/**
 * One SNTP client exchange over UDP, checked as beevik/ntp checks it for node_exporter: a
 * server-mode reply, a transmit time, our timestamp echoed as origin, and no receive time after
 * the transmit time. Rejects with a one-line reason.
 */
export function queryNtp(q: NtpQuery): Promise<NtpExchange> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(q.host) ? 'udp6' : 'udp4');
    let sentAt = 0n;
    let sentMonotonicNs = 0n;
    const finish = (err: Error | undefined, value?: NtpExchange): void => {
      clearTimeout(timer);
      q.signal?.removeEventListener('abort', onAbort);
      socket.close();
      if (err) reject(err);
      else resolve(value as NtpExchange);
    };
    const onAbort = (): void => finish(new Error('scrape deadline reached before the NTP reply'));
    const timer = setTimeout(() => finish(new Error(`no NTP reply from ${q.host}:${q.port} within ${q.timeoutMs} ms`)), q.timeoutMs);
    q.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (err) => finish(new Error(`NTP query to ${q.host}:${q.port} failed: ${err.message}`)));
    socket.on('message', (msg) => {
      // T4 is T1 plus the time elapsed on the monotonic clock, as Go's time.Now() readings give
      // beevik/ntp: the round trip keeps nanoseconds even when the wall clock falls back to whole
      // milliseconds (stepped since start-up), where a loopback exchange would measure 0.
      const receivedAt = sentAt + ((process.hrtime.bigint() - sentMonotonicNs) << 32n) / 1_000_000_000n;
      let packet: NtpPacket;
      try {
        packet = decodePacket(msg);
      } catch (err) {
        finish(err as Error);
        return;
      }
      if (packet.mode !== MODE_SERVER) return finish(new Error(`NTP reply has mode ${packet.mode}, not server (${MODE_SERVER})`));
      if (packet.transmitTime === 0n) return finish(new Error('NTP reply has no transmit time'));
      if (packet.originTime !== sentAt) return finish(new Error('NTP reply does not echo our transmit time'));
      if (packet.receiveTime > packet.transmitTime) return finish(new Error('NTP server clock ticked backwards'));
      finish(undefined, { packet, sentAt, receivedAt });
    });
    socket.connect(q.port, q.host, () => {
      try {
        socket.setTTL(q.ttl);
      } catch (err) {
        return finish(new Error(`cannot set IP TTL ${q.ttl}: ${(err as Error).message}`));
      }
      sentAt = ntpTimeFromUnixMs(wallClockMs());
      sentMonotonicNs = process.hrtime.bigint();
      socket.send(encodeRequest(q.version, sentAt));
    });
  });
}
