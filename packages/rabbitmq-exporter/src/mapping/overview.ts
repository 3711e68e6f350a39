import type { OverviewRecord } from '../api-types.js';
import type { Sink } from './fields.js';

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
export function mapIdentity(id: Identity, out: Sink): void {
  const labels: Record<string, string> = { rabbitmq_node: id.node, rabbitmq_cluster: id.cluster };
  if (id.permanentId) labels.rabbitmq_cluster_permanent_id = id.permanentId;
  if (id.endpoint) labels.rabbitmq_endpoint = id.endpoint;
  out.untyped('rabbitmq_identity_info', 'Node and cluster this scrape describes (always 1)', 1, labels);
}

/**
 * rabbitmq_build_info with the broker's versions. The plugin's prometheus_plugin_version and
 * prometheus_client_version labels describe the plugin itself and have no counterpart here.
 */
export function mapBuildInfo(overview: OverviewRecord, out: Sink): void {
  const labels: Record<string, string> = {};
  if (overview.rabbitmq_version) labels.rabbitmq_version = overview.rabbitmq_version;
  if (overview.erlang_version) labels.erlang_version = overview.erlang_version;
  out.untyped('rabbitmq_build_info', 'RabbitMQ and Erlang versions of the broker (always 1)', 1, labels);
}
