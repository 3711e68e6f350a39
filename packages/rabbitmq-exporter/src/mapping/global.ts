import type { OverviewRecord } from '../api-types.js';
import { emitFields, gatedByFeatureFlags, type FieldMetric, type Sink } from './fields.js';

/**
 * The plugin's rabbitmq_global_* counters have no per-node, per-protocol or per-queue-type
 * source in the management API. The closest honest values are the cluster-wide counters of
 * /api/overview message_stats, exported without the protocol/queue_type labels they cannot
 * fill. Two are counted by the broker only behind a feature flag (see FieldMetric.featureFlag).
 */
export const GLOBAL_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_global_messages_received_total', type: 'counter', source: 'message_stats.publish', help: 'Messages published into the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_confirmed_total', type: 'counter', source: 'message_stats.confirm', help: 'Publisher confirms sent by the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_unroutable_returned_total', type: 'counter', source: 'message_stats.return_unroutable', help: 'Mandatory messages returned as unroutable in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_unroutable_dropped_total', type: 'counter', source: 'message_stats.drop_unroutable', featureFlag: 'drop_unroutable_metric', help: 'Non-mandatory messages dropped as unroutable in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_total', type: 'counter', source: 'message_stats.deliver_get', help: 'Messages delivered to consumers or fetched with basic.get in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_consume_manual_ack_total', type: 'counter', source: 'message_stats.deliver', help: 'Messages delivered to consumers in manual-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_consume_auto_ack_total', type: 'counter', source: 'message_stats.deliver_no_ack', help: 'Messages delivered to consumers in auto-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_get_manual_ack_total', type: 'counter', source: 'message_stats.get', help: 'Messages fetched with basic.get in manual-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_get_auto_ack_total', type: 'counter', source: 'message_stats.get_no_ack', help: 'Messages fetched with basic.get in auto-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_get_empty_total', type: 'counter', source: 'message_stats.get_empty', featureFlag: 'empty_basic_get_metric', help: 'basic.get calls that found the queue empty in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_redelivered_total', type: 'counter', source: 'message_stats.redeliver', help: 'Messages redelivered in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_acknowledged_total', type: 'counter', source: 'message_stats.ack', help: 'Messages acknowledged by consumers in the cluster (management API overview)' },
];

/**
 * Cluster-wide counters must appear under exactly one node's scrape, or `sum()` over the
 * cluster would count them once per node. The reporter is the first running node by name:
 * deterministic, and it moves by itself when that node stops.
 */
export function globalReporter(runningNodes: readonly string[]): string | undefined {
  let first: string | undefined;
  for (const n of runningNodes) if (first === undefined || n < first) first = n;
  return first;
}

export function mapGlobalCounters(overview: OverviewRecord, featureFlags: ReadonlySet<string> | undefined, out: Sink): void {
  emitFields(out, gatedByFeatureFlags(GLOBAL_METRICS, featureFlags), overview);
}

/** What the exporter derives from listings: see collectors/global.ts for the sources. */
export interface GlobalObjects {
  /** Channels that have published at least once. */
  readonly publishers?: number;
  readonly consumers?: number;
  /** Running total of per-exchange publish_out (MonotonicTotal). */
  readonly routed?: number;
  /** Running total of per-channel publish on confirm-mode or transactional channels (MonotonicTotal). */
  readonly receivedConfirm?: number;
}

export function mapGlobalObjects(g: GlobalObjects, out: Sink): void {
  if (g.publishers !== undefined) out.gauge('rabbitmq_global_publishers', 'Channels in the cluster that have published messages', g.publishers);
  if (g.consumers !== undefined) out.gauge('rabbitmq_global_consumers', 'Consumers in the cluster', g.consumers);
  if (g.routed !== undefined) {
    out.counter('rabbitmq_global_messages_routed_total', 'Messages routed to queues in the cluster, once per destination queue (exporter-kept total of exchange publish_out)', g.routed);
  }
  if (g.receivedConfirm !== undefined) {
    out.counter('rabbitmq_global_messages_received_confirm_total', 'Messages published in the cluster on channels in confirm or transactional mode (exporter-kept total)', g.receivedConfirm);
  }
}
