import { defineCollector } from '@scrapekit/exporter-kit';
import type { QueueRecord } from '../api-types.js';
import { mapQueue, queueColumns, queueSelected, queueTable } from '../mapping/queue.js';
import type { RabbitTarget } from '../target.js';

/**
 * Per-queue metrics of the queues whose process (the leader, for quorum queues) runs on the
 * scrape's node, as the plugin's per-object endpoint reports them. Pages (or streamed batches)
 * are mapped as they arrive and then dropped.
 */
export const queueCollector = defineCollector<RabbitTarget>({
  name: 'queue',
  help: 'Per-queue depth, consumers and details from /api/queues (paged), plus rabbitmq_queues and rabbitmq_consumers',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    const table = queueTable(target.queueDetail);
    const nodeName = target.node.name;
    // A queue declared or deleted between two page requests shifts the pages; the set keeps a
    // queue seen twice from becoming a duplicate series.
    const seen = new Set<string>();
    let queues = 0;
    let consumers = 0;
    const columns = queueColumns(target.queueDetail);
    const batches = target.queueListing === 'stream'
      ? target.api.stream<QueueRecord>('api/queues', columns, signal)
      : target.api.pages<QueueRecord>('api/queues', columns, signal);
    for await (const page of batches) {
      for (const q of page) {
        if (q.node !== nodeName) continue;
        const key = `${q.vhost}\u0000${q.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        queues++;
        if (typeof q.consumers === 'number') consumers += q.consumers;
        if (queueSelected(q, target.filter)) mapQueue(q, table, out);
      }
    }
    out.gauge('rabbitmq_queues', 'Queues whose process runs on the node', queues);
    out.gauge('rabbitmq_consumers', 'Consumers of the queues on the node', consumers);
  },
});
