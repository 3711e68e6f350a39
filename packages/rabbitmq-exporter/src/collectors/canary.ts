import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import { mapCanaryResult } from '../mapping/canary.js';
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
    mapCanaryResult(r, out);
  },
});
