import type { MetricSink } from '@scrapekit/exporter-kit';
import type { OverviewRecord } from '../api-types.js';
import { emitFields, type FieldMetric } from './fields.js';

export interface Identity {
  readonly node: string;
  readonly cluster: string;
  /** The cluster's internal_cluster_id global parameter, when the user may read it. */
  readonly permanentId?: string;
  /** Newer plugins label identity_info with the endpoint scraped; their dashboards filter on it. */
  readonly endpoint?: string;
}

/**
 * rabbitmq_identity_info: the series every dashboard panel joins on `instance`. One per scrape,
 * naming the node the scrape is scoped to, so `* on(instance) group_left(...)` stays one-to-one.
 */
export function mapIdentity(id: Identity, out: MetricSink): void {
  const labels: Record<string, string> = { rabbitmq_node: id.node, rabbitmq_cluster: id.cluster };
  if (id.permanentId) labels.rabbitmq_cluster_permanent_id = id.permanentId;
  if (id.endpoint) labels.rabbitmq_endpoint = id.endpoint;
  out.untyped('rabbitmq_identity_info', 'Node and cluster this scrape describes (always 1)', 1, labels);
}

/**
 * rabbitmq_build_info with the broker's versions. The plugin's prometheus_plugin_version and
 * prometheus_client_version labels describe the plugin itself and have no counterpart here.
 */
export function mapBuildInfo(overview: OverviewRecord, out: MetricSink): void {
  const labels: Record<string, string> = {};
  if (overview.rabbitmq_version) labels.rabbitmq_version = overview.rabbitmq_version;
  if (overview.erlang_version) labels.erlang_version = overview.erlang_version;
  out.untyped('rabbitmq_build_info', 'RabbitMQ and Erlang versions of the broker (always 1)', 1, labels);
}

/**
 * The plugin's rabbitmq_global_* counters have no per-node, per-protocol or per-queue-type
 * source in the management API. The closest honest values are the cluster-wide counters of
 * /api/overview message_stats, exported without the protocol/queue_type labels they cannot
 * fill. Counters with no source at all (received_confirm, routed, dead_lettered_*) are left out.
 */
export const GLOBAL_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_global_messages_received_total', type: 'counter', source: 'message_stats.publish', help: 'Messages published into the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_confirmed_total', type: 'counter', source: 'message_stats.confirm', help: 'Publisher confirms sent by the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_unroutable_returned_total', type: 'counter', source: 'message_stats.return_unroutable', help: 'Mandatory messages returned as unroutable in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_unroutable_dropped_total', type: 'counter', source: 'message_stats.drop_unroutable', help: 'Non-mandatory messages dropped as unroutable in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_total', type: 'counter', source: 'message_stats.deliver_get', help: 'Messages delivered to consumers or fetched with basic.get in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_consume_manual_ack_total', type: 'counter', source: 'message_stats.deliver', help: 'Messages delivered to consumers in manual-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_consume_auto_ack_total', type: 'counter', source: 'message_stats.deliver_no_ack', help: 'Messages delivered to consumers in auto-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_get_manual_ack_total', type: 'counter', source: 'message_stats.get', help: 'Messages fetched with basic.get in manual-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_delivered_get_auto_ack_total', type: 'counter', source: 'message_stats.get_no_ack', help: 'Messages fetched with basic.get in auto-ack mode in the cluster (management API overview)' },
  { name: 'rabbitmq_global_messages_get_empty_total', type: 'counter', source: 'message_stats.get_empty', help: 'basic.get calls that found the queue empty in the cluster (management API overview)' },
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

export function mapGlobalCounters(overview: OverviewRecord, out: MetricSink): void {
  emitFields(out, GLOBAL_METRICS, overview);
}
