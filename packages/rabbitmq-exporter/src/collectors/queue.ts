import { defineCollector } from '@scrapekit/exporter-kit';
import type { ConsumerRecord, QueueRecord } from '../api-types.js';
import { isCanaryQueue } from '../mapping/canary.js';
import { FieldSums, prefixedSink, type FieldMetric, type Sink } from '../mapping/fields.js';
import {
  CHEAP_QUEUE_COLUMNS, detailedQueueTable, mapQueue, QUEUE_COARSE_METRICS, queueColumns, queueSelected, queueTable,
} from '../mapping/queue.js';
import type { RabbitTarget } from '../target.js';

const key = (vhost: string | undefined, name: string | undefined): string => `${vhost}\u0000${name}`;

/** Consumers per queue from /api/consumers (the cheap queue listing has no consumer count). */
async function consumersPerQueue(target: RabbitTarget, path: string, signal: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const batch of target.api.stream<ConsumerRecord>(path, ['queue'], signal)) {
    for (const c of batch) {
      const k = key(c.queue?.vhost, c.queue?.name);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Where the queue records come from. The cheap listing (`disable_stats`) answers from the
 * queue totals table; the full one from the statistics database, several times slower. The
 * detailed endpoint's vhost= filter is applied by the API (/api/queues/<vhost>).
 */
function listings(target: RabbitTarget, full: boolean, signal: AbortSignal): AsyncGenerator<QueueRecord[]>[] {
  const vhosts = target.endpoint.kind === 'detailed' && target.endpoint.vhosts ? [...target.endpoint.vhosts] : [undefined];
  return vhosts.map((v) => {
    const path = v === undefined ? 'api/queues' : `api/queues/${encodeURIComponent(v)}`;
    if (!full) return target.api.stream<QueueRecord>(path, CHEAP_QUEUE_COLUMNS, signal, { disable_stats: true, enable_queue_totals: true });
    const columns = queueColumns('full');
    return target.queueListing === 'stream' ? target.api.stream<QueueRecord>(path, columns, signal) : target.api.pages<QueueRecord>(path, columns, signal);
  });
}

/**
 * On a one-node cluster the node's totals are the cluster's, which /api/overview already holds:
 * the aggregated endpoint then costs no listing at all, whatever the number of queues. The
 * canary's queue and consumer are taken off the counts (its queue holds no message for longer
 * than a round trip).
 */
function mapSingleNodeTotals(target: RabbitTarget, out: Sink): void {
  const { object_totals: objects, queue_totals: depth } = target.overview;
  const canary = target.canaryObjects ? 1 : 0;
  const sums: [string, number | undefined][] = [
    ['rabbitmq_queue_messages_ready', depth?.messages_ready],
    ['rabbitmq_queue_messages_unacked', depth?.messages_unacknowledged],
    ['rabbitmq_queue_messages', depth?.messages],
  ];
  for (const [name, v] of sums) {
    const f = QUEUE_COARSE_METRICS.find((m) => m.name === name)!;
    if (typeof v === 'number') out.gauge(name, f.help, v);
  }
  const consumers = typeof objects?.consumers === 'number' ? Math.max(0, objects.consumers - canary) : undefined;
  if (consumers !== undefined) {
    out.gauge('rabbitmq_queue_consumers', QUEUE_COARSE_METRICS.find((m) => m.name === 'rabbitmq_queue_consumers')!.help, consumers);
    out.gauge('rabbitmq_consumers', CONSUMERS_HELP, consumers);
  }
  out.gauge('rabbitmq_queues', QUEUES_HELP, Math.max(0, (objects?.queues ?? 0) - canary));
}

const QUEUES_HELP = 'Queues whose process runs on the node';
const CONSUMERS_HELP = 'Consumers of the queues on the node';

/**
 * The queues whose process (the leader, for quorum queues) runs on the scrape's node, as the
 * plugin's endpoints show them: aggregated, node sums and counts; per-object, one series per
 * queue {vhost, queue}; detailed, the asked families as rabbitmq_detailed_*. The canary's queue
 * and consumer are left out. Records are mapped as they arrive and then dropped.
 */
export const queueCollector = defineCollector<RabbitTarget>({
  name: 'queue',
  help: 'Queue depth and consumers from /api/queues and /api/consumers: node totals, per-queue series on the per-object and detailed endpoints',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    const { endpoint } = target;
    if (endpoint.kind === 'aggregated' && target.runningNodes.length === 1 && target.overview.object_totals?.queues !== undefined) {
      return mapSingleNodeTotals(target, out);
    }
    const full = endpoint.kind === 'detailed' ? endpoint.families.has('queue_metrics') : endpoint.kind === 'per-object' && target.queueDetail === 'full';
    let table: readonly FieldMetric[];
    if (endpoint.kind === 'detailed') table = detailedQueueTable(endpoint.families, full);
    else table = endpoint.kind === 'per-object' ? queueTable(full ? 'full' : 'coarse') : QUEUE_COARSE_METRICS;
    const sink = endpoint.kind === 'detailed' ? prefixedSink(out, 'rabbitmq_', 'rabbitmq_detailed_') : out;
    const sums = endpoint.kind === 'aggregated' ? new FieldSums(QUEUE_COARSE_METRICS) : undefined;

    const consumers = full ? undefined : consumersPerQueue(target, 'api/consumers', signal);
    // Both listings are requested at once: the first batch of each queue listing is asked for
    // before waiting for the consumers, which every queue's series needs.
    const batches = listings(target, full, signal).map((g) => g[Symbol.asyncIterator]());
    const firsts = batches.map((b) => b.next());
    for (const p of [consumers, ...firsts]) p?.catch(() => {});
    const nodeName = target.node.name;
    // A paged listing shifts when queues come and go between page requests: a queue seen twice
    // must not become a duplicate series.
    const seen = full && target.queueListing === 'paged' ? new Set<string>() : undefined;
    let queues = 0;
    let consumerTotal = 0;
    try {
      const perQueue = await consumers;
      for (let i = 0; i < batches.length; i++) {
        for (let r = await firsts[i]!; !r.done; r = await batches[i]!.next()) {
          for (const q of r.value) {
            if (q.node !== nodeName || isCanaryQueue(target.canaryObjects, q)) continue;
            if (seen) {
              const k = key(q.vhost, q.name);
              if (seen.has(k)) continue;
              seen.add(k);
            }
            if (perQueue) q.consumers = perQueue.get(key(q.vhost, q.name)) ?? 0;
            queues++;
            if (typeof q.consumers === 'number') consumerTotal += q.consumers;
            if (sums) sums.add(q);
            else if (queueSelected(q, target.filter)) mapQueue(q, table, sink);
          }
        }
      }
    } finally {
      // A failed scrape must not leave a listing's request open until the deadline.
      for (const b of batches) await b.return?.(undefined).catch(() => {});
    }
    if (endpoint.kind === 'detailed') return;
    sums?.emit(out);
    out.gauge('rabbitmq_queues', QUEUES_HELP, queues);
    out.gauge('rabbitmq_consumers', CONSUMERS_HELP, consumerTotal);
  },
});
