import { ignoredByFilter, type Labels, type MetricSink } from '@scrapekit/exporter-kit';
import type { QueueRecord } from '../api-types.js';
import { columnsOf, emitFields, type FieldMetric } from './fields.js';

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

/** Columns requested from /api/queues: identity and placement, plus the mapped fields. */
export function queueColumns(detail: QueueDetail): string[] {
  return ['name', 'vhost', 'node', ...columnsOf(queueTable(detail))];
}

/** Writes one queue's samples with the plugin's per-object labels {vhost, queue}. */
export function mapQueue(queue: QueueRecord, table: readonly FieldMetric[], out: MetricSink): void {
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
