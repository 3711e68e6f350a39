import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import type { ConnectionRecord } from '../api-types.js';
import { isCanaryPeer } from '../mapping/canary.js';
import { CONNECTION_COLUMNS, connectionAggregate } from '../mapping/channel.js';
import { forEachOnNode } from '../node-objects.js';
import type { RabbitTarget } from '../target.js';

/** Count and summed statistics of the node's connections (the plugin's aggregated shape), the canary's left out. */
export const connectionCollector = defineCollector<RabbitTarget>({
  name: 'connection',
  help: 'rabbitmq_connections and summed rabbitmq_connection_* statistics from /api/connections (paged)',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    if (target.endpoint.kind === 'detailed') throw new NoDataError('not a family of the detailed endpoint');
    const agg = connectionAggregate();
    await forEachOnNode<ConnectionRecord>(target, 'api/connections', CONNECTION_COLUMNS, signal, (c) => {
      if (!isCanaryPeer(target.canaryObjects, c)) agg.add(c);
    });
    agg.emit(out);
  },
});
