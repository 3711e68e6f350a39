import type { CanaryResult } from '../canary.js';
import type { Sink } from './fields.js';

/** The canary's own metrics (names of ours: the plugin has no end-to-end check). */
export function mapCanaryResult(r: CanaryResult, out: Sink): void {
  out.gauge('rabbitmq_exporter_canary_success', 'Whether the last AMQP canary message made the round trip (1) or not (0)', r.success ? 1 : 0);
  if (r.roundTripSeconds !== undefined) {
    out.gauge('rabbitmq_exporter_canary_round_trip_seconds', 'Time from publishing the AMQP canary message to receiving it', r.roundTripSeconds);
  }
  if (r.blocked !== undefined) {
    out.gauge('rabbitmq_exporter_canary_connection_blocked', 'Whether the broker blocks publishers on the canary connection (memory or disk alarm)', r.blocked ? 1 : 0);
  }
}

/** The canary's own broker objects; see Canary.objects(). */
export interface CanaryObjects {
  readonly vhost: string;
  readonly queue: string;
  readonly peerHost?: string;
  readonly peerPort?: number;
}

/**
 * Predicates that keep the canary's objects out of the user's figures. The connection (and so its
 * channel and consumer) is recognised by its peer address, which is the canary socket's local
 * end; behind a proxy or NAT the broker sees another address and they are then counted.
 */
export function isCanaryQueue(c: CanaryObjects | undefined, q: { name?: string; vhost?: string }): boolean {
  return c !== undefined && q.name === c.queue && q.vhost === c.vhost;
}

export function isCanaryPeer(c: CanaryObjects | undefined, peer: { peer_host?: string; peer_port?: number } | undefined): boolean {
  return c?.peerPort !== undefined && peer?.peer_port === c.peerPort && peer.peer_host === c.peerHost;
}
