import { defineCollector } from '@scrapekit/exporter-kit';
import type { ChannelRecord, ConnectionRecord } from '../api-types.js';
import { CHANNEL_COLUMNS, channelAggregate, CONNECTION_COLUMNS, connectionAggregate, type ObjectAggregate } from '../mapping/channel.js';
import type { RabbitTarget } from '../target.js';

async function aggregate(
  target: RabbitTarget,
  path: string,
  columns: readonly string[],
  agg: ObjectAggregate,
  signal: AbortSignal,
): Promise<ObjectAggregate> {
  for await (const page of target.api.pages<ChannelRecord | ConnectionRecord>(path, columns, signal)) {
    for (const item of page) if (item.node === target.node.name) agg.add(item);
  }
  return agg;
}

/** Counts and summed statistics of the node's channels (the plugin's aggregated shape). */
export const channelCollector = defineCollector<RabbitTarget>({
  name: 'channel',
  help: 'rabbitmq_channels and summed rabbitmq_channel_* statistics from /api/channels (paged)',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    (await aggregate(target, 'api/channels', CHANNEL_COLUMNS, channelAggregate(), signal)).emit(out);
  },
});

/** Counts and summed statistics of the node's connections (the plugin's aggregated shape). */
export const connectionCollector = defineCollector<RabbitTarget>({
  name: 'connection',
  help: 'rabbitmq_connections and summed rabbitmq_connection_* statistics from /api/connections (paged)',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    (await aggregate(target, 'api/connections', CONNECTION_COLUMNS, connectionAggregate(), signal)).emit(out);
  },
});
