import { defineCollector } from '@scrapekit/exporter-kit';
import { mapNode } from '../mapping/node.js';
import type { RabbitTarget } from '../target.js';

/** Resources and counters of the scrape's node (memory, fds, sockets, disk, Erlang, churn, I/O). */
export const nodeCollector = defineCollector<RabbitTarget>({
  name: 'node',
  help: 'Node resources, alarms and churn counters from /api/nodes',
  defaultEnabled: true,
  async collect({ target }, out) {
    // The record was read by acquire() to check the node is running; no second request needed.
    mapNode(target.node, out);
  },
});
