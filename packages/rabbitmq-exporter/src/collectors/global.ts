import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import type { ChannelRecord, ConsumerRecord, ExchangeRecord } from '../api-types.js';
import { isCanaryPeer, isCanaryQueue } from '../mapping/canary.js';
import { globalReporter, mapGlobalCounters, mapGlobalObjects } from '../mapping/global.js';
import type { RabbitTarget } from '../target.js';

async function routedTotal(target: RabbitTarget, signal: AbortSignal): Promise<number> {
  const routed = target.totals.routed.start();
  for await (const page of target.api.pages<ExchangeRecord>('api/exchanges', ['name', 'vhost', 'message_stats.publish_out'], signal)) {
    for (const x of page) {
      const v = x.message_stats?.publish_out;
      if (typeof v === 'number') routed.observe(`${x.vhost}\u0000${x.name}`, v);
    }
  }
  return routed.commit();
}

/** Publishers (channels that have published) and the running total of confirm-mode publishes. */
async function channelFigures(target: RabbitTarget, signal: AbortSignal): Promise<{ publishers: number; receivedConfirm: number }> {
  const confirm = target.totals.receivedConfirm.start();
  let publishers = 0;
  const columns = ['name', 'node', 'confirm', 'transactional', 'connection_details', 'message_stats.publish'];
  for await (const page of target.api.pages<ChannelRecord>('api/channels', columns, signal)) {
    for (const c of page) {
      if (isCanaryPeer(target.canaryObjects, c.connection_details)) continue;
      const published = c.message_stats?.publish;
      if (typeof published !== 'number' || published <= 0) continue;
      publishers++;
      if (c.confirm === true || c.transactional === true) confirm.observe(`${c.node}\u0000${c.name}`, published);
    }
  }
  return { publishers, receivedConfirm: confirm.commit() };
}

async function consumerCount(target: RabbitTarget, signal: AbortSignal): Promise<number> {
  let n = 0;
  for await (const batch of target.api.stream<ConsumerRecord>('api/consumers', ['queue'], signal)) {
    for (const c of batch) if (!isCanaryQueue(target.canaryObjects, c.queue ?? {})) n++;
  }
  return n;
}

/**
 * The plugin's rabbitmq_global_* families, cluster-wide, written only in the scrape of the first
 * running node (globalReporter) so that sum() over the cluster counts them once:
 * - the /api/overview message_stats counters (two gated by feature flags);
 * - rabbitmq_global_messages_routed_total: the running total of every exchange's publish_out
 *   (the broker counts a message once per destination queue, and so does publish_out);
 * - rabbitmq_global_messages_received_confirm_total: the running total of publishes on channels
 *   in confirm or transactional mode;
 * - rabbitmq_global_publishers: channels that have published; rabbitmq_global_consumers: the
 *   consumers of /api/consumers. The canary's channel and consumer are left out.
 */
export const globalCollector = defineCollector<RabbitTarget>({
  name: 'global',
  help: 'rabbitmq_global_* from /api/overview, /api/exchanges, /api/channels and /api/consumers (one node\'s scrape per cluster)',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    if (target.endpoint.kind === 'detailed') throw new NoDataError('not a family of the detailed endpoint');
    if (globalReporter(target.runningNodes) !== target.node.name) throw new NoDataError('another node reports the cluster-wide counters');
    const [routed, channels, consumers] = await Promise.all([routedTotal(target, signal), channelFigures(target, signal), consumerCount(target, signal)]);
    mapGlobalCounters(target.overview, target.featureFlags, out);
    mapGlobalObjects({ routed, consumers, publishers: channels.publishers, receivedConfirm: channels.receivedConfirm }, out);
  },
});
