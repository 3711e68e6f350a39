import type { MetricSink } from '@scrapekit/exporter-kit';
import type { CanaryResult } from '../canary.js';

/** The canary's own metrics (names of ours: the plugin has no end-to-end check). */
export function mapCanaryResult(r: CanaryResult, out: MetricSink): void {
  out.gauge('rabbitmq_exporter_canary_success', 'Whether the last AMQP canary message made the round trip (1) or not (0)', r.success ? 1 : 0);
  if (r.roundTripSeconds !== undefined) {
    out.gauge('rabbitmq_exporter_canary_round_trip_seconds', 'Time from publishing the AMQP canary message to receiving it', r.roundTripSeconds);
  }
  if (r.blocked !== undefined) {
    out.gauge('rabbitmq_exporter_canary_connection_blocked', 'Whether the broker blocks publishers on the canary connection (memory or disk alarm)', r.blocked ? 1 : 0);
  }
}
