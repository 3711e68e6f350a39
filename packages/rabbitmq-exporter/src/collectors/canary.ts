import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import type { RabbitTarget } from '../target.js';

/** The AMQP publish/consume round trip of --rabbitmq.amqp-url; nothing when it is not set. */
export const canaryCollector = defineCollector<RabbitTarget>({
  name: 'canary',
  help: 'AMQP publish/consume round trip on a private auto-delete queue (--rabbitmq.amqp-url)',
  defaultEnabled: true,
  async collect({ target, deadline, logger }, out) {
    if (!target.canary) throw new NoDataError('no --rabbitmq.amqp-url, or a /probe scrape');
    const r = await target.canary.check(deadline);
    if (r.error) logger.warn('canary failed', { err: r.error });
    out.gauge('rabbitmq_exporter_canary_success', 'Whether the last AMQP canary message made the round trip (1) or not (0)', r.success ? 1 : 0);
    if (r.roundTripSeconds !== undefined) {
      out.gauge('rabbitmq_exporter_canary_round_trip_seconds', 'Time from publishing the AMQP canary message to receiving it', r.roundTripSeconds);
    }
    if (r.blocked !== undefined) {
      out.gauge('rabbitmq_exporter_canary_connection_blocked', 'Whether the broker blocks publishers on the canary connection (memory or disk alarm)', r.blocked ? 1 : 0);
    }
  },
});
