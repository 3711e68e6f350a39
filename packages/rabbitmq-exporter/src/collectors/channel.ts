import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import type { ChannelRecord } from '../api-types.js';
import { isCanaryPeer } from '../mapping/canary.js';
import { CHANNEL_COLUMNS, channelAggregate } from '../mapping/channel.js';
import { forEachOnNode } from '../node-objects.js';
import type { RabbitTarget } from '../target.js';

/** Count and summed statistics of the node's channels (the plugin's aggregated shape), the canary's left out. */
export const channelCollector = defineCollector<RabbitTarget>({
  name: 'channel',
  help: 'rabbitmq_channels and summed rabbitmq_channel_* statistics from /api/channels (paged)',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    if (target.endpoint.kind === 'detailed') throw new NoDataError('not a family of the detailed endpoint');
    const agg = channelAggregate(target.featureFlags);
    await forEachOnNode<ChannelRecord>(target, 'api/channels', CHANNEL_COLUMNS, signal, (c) => {
      if (!isCanaryPeer(target.canaryObjects, c.connection_details)) agg.add(c);
    });
    agg.emit(out);
  },
});
