import { ignoredByFilter, type Labels, type MetricSink } from '@scrapekit/exporter-kit';
import type { QueueRecord } from '../api-types.js';
import type { DetailedFamily } from '../endpoint.js';
import { columnsOf, emitFields, type FieldMetric, type Sink } from './fields.js';

/** The queue depth metrics: what the dashboards and most alerts need. */
export const QUEUE_COARSE_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_queue_messages_ready', type: 'gauge', source: 'messages_ready', help: 'Messages in the queue ready for delivery' },
  { name: 'rabbitmq_queue_messages_unacked', type: 'gauge', source: 'messages_unacknowledged', help: 'Messages delivered from the queue and not yet acknowledged' },
  { name: 'rabbitmq_queue_messages', type: 'gauge', source: 'messages', help: 'Queue depth: ready plus unacknowledged messages' },
  { name: 'rabbitmq_queue_consumers', type: 'gauge', source: 'consumers', help: 'Consumers subscribed to the queue' },
];

/** Everything else the plugin's per-object endpoint reports per queue and the API has a field for. */
export const QUEUE_DETAIL_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_queue_consumer_capacity', type: 'gauge', source: 'consumer_capacity', help: 'Fraction of time the queue could deliver to its consumers at once (0 to 1)' },
  { name: 'rabbitmq_queue_consumer_utilisation', type: 'gauge', source: 'consumer_utilisation', help: 'Older name of the consumer capacity of the queue (0 to 1)' },
  { name: 'rabbitmq_queue_process_memory_bytes', type: 'gauge', source: 'memory', help: 'Memory of the queue\'s Erlang process, in bytes' },
  { name: 'rabbitmq_queue_messages_ram', type: 'gauge', source: 'messages_ram', help: 'Messages of the queue held in memory' },
  { name: 'rabbitmq_queue_messages_ram_bytes', type: 'gauge', source: 'message_bytes_ram', help: 'Bytes of the queue\'s message bodies held in memory' },
  { name: 'rabbitmq_queue_messages_ready_ram', type: 'gauge', source: 'messages_ready_ram', help: 'Ready messages of the queue held in memory' },
  { name: 'rabbitmq_queue_messages_unacked_ram', type: 'gauge', source: 'messages_unacknowledged_ram', help: 'Unacknowledged messages of the queue held in memory' },
  { name: 'rabbitmq_queue_messages_persistent', type: 'gauge', source: 'messages_persistent', help: 'Persistent messages in the queue' },
  { name: 'rabbitmq_queue_messages_persistent_bytes', type: 'gauge', source: 'message_bytes_persistent', help: 'Bytes of persistent message bodies in the queue' },
  { name: 'rabbitmq_queue_messages_bytes', type: 'gauge', source: 'message_bytes', help: 'Bytes of message bodies in the queue, ready and unacknowledged' },
  { name: 'rabbitmq_queue_messages_ready_bytes', type: 'gauge', source: 'message_bytes_ready', help: 'Bytes of ready message bodies in the queue' },
  { name: 'rabbitmq_queue_messages_unacked_bytes', type: 'gauge', source: 'message_bytes_unacknowledged', help: 'Bytes of unacknowledged message bodies of the queue' },
  { name: 'rabbitmq_queue_messages_paged_out', type: 'gauge', source: 'messages_paged_out', help: 'Messages of the queue paged out to disk' },
  { name: 'rabbitmq_queue_messages_paged_out_bytes', type: 'gauge', source: 'message_bytes_paged_out', help: 'Bytes of message bodies of the queue paged out to disk' },
  { name: 'rabbitmq_queue_head_message_timestamp', type: 'gauge', source: 'head_message_timestamp', help: 'Timestamp property of the message at the head of the queue, when it has one' },
  { name: 'rabbitmq_queue_disk_reads_total', type: 'counter', source: 'disk_reads', help: 'Messages the queue has read from disk' },
  { name: 'rabbitmq_queue_disk_writes_total', type: 'counter', source: 'disk_writes', help: 'Messages the queue has written to disk' },
  { name: 'rabbitmq_queue_process_reductions_total', type: 'counter', source: 'reductions', help: 'Reductions (units of work) of the queue\'s Erlang process' },
  { name: 'rabbitmq_queue_messages_published_total', type: 'counter', source: 'message_stats.publish', help: 'Messages published into the queue' },
];

export type QueueDetail = 'coarse' | 'full';

export function queueTable(detail: QueueDetail): readonly FieldMetric[] {
  return detail === 'full' ? [...QUEUE_COARSE_METRICS, ...QUEUE_DETAIL_METRICS] : QUEUE_COARSE_METRICS;
}

/**
 * Columns of the cheap listing (`disable_stats=true&enable_queue_totals=true`): the API then
 * skips the statistics database and answers from the queue totals table, several times faster.
 * It has no per-queue consumer count; that comes from /api/consumers.
 */
export const CHEAP_QUEUE_COLUMNS: readonly string[] = ['name', 'vhost', 'node', 'messages', 'messages_ready', 'messages_unacknowledged'];

const byName = (names: readonly string[]): FieldMetric[] =>
  names.map((n) => [...QUEUE_COARSE_METRICS, ...QUEUE_DETAIL_METRICS].find((f) => f.name === n)!);

/**
 * The per-queue families of the plugin's detailed endpoint. queue_coarse_metrics' reductions
 * counter is only in the full listing, so it is there only when queue_metrics is asked for too.
 */
export function detailedQueueTable(families: ReadonlySet<DetailedFamily>, fullListing: boolean): FieldMetric[] {
  const names = new Set<string>();
  if (families.has('queue_coarse_metrics')) {
    for (const n of ['rabbitmq_queue_messages_ready', 'rabbitmq_queue_messages_unacked', 'rabbitmq_queue_messages']) names.add(n);
    if (fullListing) names.add('rabbitmq_queue_process_reductions_total');
  }
  if (families.has('queue_consumer_count') || families.has('queue_metrics')) names.add('rabbitmq_queue_consumers');
  if (families.has('queue_metrics')) {
    for (const f of QUEUE_DETAIL_METRICS) {
      if (f.name !== 'rabbitmq_queue_process_reductions_total' && f.name !== 'rabbitmq_queue_messages_published_total') names.add(f.name);
    }
  }
  return byName([...names]);
}

/** Columns requested from /api/queues: identity and placement, plus the mapped fields. */
export function queueColumns(detail: QueueDetail): string[] {
  return ['name', 'vhost', 'node', ...columnsOf(queueTable(detail))];
}

/** Writes one queue's samples with the plugin's per-object labels {vhost, queue}. */
export function mapQueue(queue: QueueRecord, table: readonly FieldMetric[], out: Sink): void {
  // One frozen label object shared by the queue's ~20 samples keeps 50k-queue scrapes small.
  const labels: Labels = Object.freeze({ vhost: queue.vhost, queue: queue.name });
  emitFields(out, table, queue, labels);
}

/** Include/exclude regexes on vhost and queue name, as kbudde's INCLUDE_/SKIP_ variables. */
export interface QueueFilter {
  readonly includeVhost?: RegExp;
  readonly excludeVhost?: RegExp;
  readonly includeQueue?: RegExp;
  readonly excludeQueue?: RegExp;
}

export function queueSelected(queue: Pick<QueueRecord, 'name' | 'vhost'>, f: QueueFilter): boolean {
  if (ignoredByFilter(queue.vhost, f.includeVhost, f.excludeVhost)) return false;
  if (ignoredByFilter(queue.name, f.includeQueue, f.excludeQueue)) return false;
  return true;
}
