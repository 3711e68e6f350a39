import type { ChannelRecord, ConnectionRecord } from '../api-types.js';
import { columnsOf, FieldSums, gatedByFeatureFlags, type FieldMetric, type Sink } from './fields.js';

/**
 * Channel and connection metrics are summed over the node's channels/connections, which is the
 * shape of the plugin's aggregated /metrics endpoint. The per-object endpoint labels them with
 * the Erlang pid of the channel or connection process, which the management API does not expose,
 * so that label cannot be reproduced honestly.
 */
export const CHANNEL_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_channel_consumers', type: 'gauge', source: 'consumer_count', help: 'Consumers on the node\'s channels' },
  { name: 'rabbitmq_channel_messages_unacked', type: 'gauge', source: 'messages_unacknowledged', help: 'Messages delivered on the node\'s channels and not yet acknowledged' },
  { name: 'rabbitmq_channel_messages_unconfirmed', type: 'gauge', source: 'messages_unconfirmed', help: 'Messages published on the node\'s channels and not yet confirmed' },
  { name: 'rabbitmq_channel_messages_uncommitted', type: 'gauge', source: 'messages_uncommitted', help: 'Messages received in open transactions on the node\'s channels' },
  { name: 'rabbitmq_channel_acks_uncommitted', type: 'gauge', source: 'acks_uncommitted', help: 'Acknowledgements in open transactions on the node\'s channels' },
  { name: 'rabbitmq_consumer_prefetch', type: 'gauge', source: 'prefetch_count', help: 'Per-consumer prefetch limits of the node\'s channels, summed' },
  { name: 'rabbitmq_channel_prefetch', type: 'gauge', source: 'global_prefetch_count', help: 'Per-channel prefetch limits of the node\'s channels, summed' },
  { name: 'rabbitmq_channel_process_reductions_total', type: 'counter', source: 'reductions', help: 'Reductions of the node\'s open channel processes' },
  { name: 'rabbitmq_channel_messages_published_total', type: 'counter', source: 'message_stats.publish', help: 'Messages published on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_confirmed_total', type: 'counter', source: 'message_stats.confirm', help: 'Publisher confirms sent on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_unroutable_returned_total', type: 'counter', source: 'message_stats.return_unroutable', help: 'Mandatory messages returned as unroutable on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_unroutable_dropped_total', type: 'counter', source: 'message_stats.drop_unroutable', featureFlag: 'drop_unroutable_metric', help: 'Non-mandatory messages dropped as unroutable on the node\'s open channels' },
  { name: 'rabbitmq_channel_get_ack_total', type: 'counter', source: 'message_stats.get', help: 'Messages fetched with basic.get in manual-ack mode on the node\'s open channels' },
  { name: 'rabbitmq_channel_get_total', type: 'counter', source: 'message_stats.get_no_ack', help: 'Messages fetched with basic.get in auto-ack mode on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_delivered_ack_total', type: 'counter', source: 'message_stats.deliver', help: 'Messages delivered to consumers in manual-ack mode on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_delivered_total', type: 'counter', source: 'message_stats.deliver_no_ack', help: 'Messages delivered to consumers in auto-ack mode on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_redelivered_total', type: 'counter', source: 'message_stats.redeliver', help: 'Messages redelivered on the node\'s open channels' },
  { name: 'rabbitmq_channel_messages_acked_total', type: 'counter', source: 'message_stats.ack', help: 'Messages acknowledged on the node\'s open channels' },
  { name: 'rabbitmq_channel_get_empty_total', type: 'counter', source: 'message_stats.get_empty', featureFlag: 'empty_basic_get_metric', help: 'basic.get calls that found the queue empty on the node\'s open channels' },
];

export const CONNECTION_METRICS: readonly FieldMetric[] = [
  { name: 'rabbitmq_connection_channels', type: 'gauge', source: 'channels', help: 'Channels open on the node\'s connections' },
  { name: 'rabbitmq_connection_incoming_bytes_total', type: 'counter', source: 'recv_oct', help: 'Bytes received on the node\'s open connections' },
  { name: 'rabbitmq_connection_outgoing_bytes_total', type: 'counter', source: 'send_oct', help: 'Bytes sent on the node\'s open connections' },
  { name: 'rabbitmq_connection_incoming_packets_total', type: 'counter', source: 'recv_cnt', help: 'Packets received on the node\'s open connections' },
  { name: 'rabbitmq_connection_outgoing_packets_total', type: 'counter', source: 'send_cnt', help: 'Packets sent on the node\'s open connections' },
  { name: 'rabbitmq_connection_pending_packets', type: 'gauge', source: 'send_pend', help: 'Packets waiting to be sent on the node\'s connections' },
  { name: 'rabbitmq_connection_process_reductions_total', type: 'counter', source: 'reductions', help: 'Reductions of the node\'s open connection processes' },
];

/** The mapped fields, plus placement and what recognises the canary's connection and channel. */
export const CHANNEL_COLUMNS: readonly string[] = ['node', 'connection_details', ...columnsOf(CHANNEL_METRICS)];
export const CONNECTION_COLUMNS: readonly string[] = ['node', 'peer_host', 'peer_port', ...columnsOf(CONNECTION_METRICS)];

/**
 * Accumulates the node's channels or connections page by page; `emit` writes their count and
 * the summed fields, so a scrape never holds more than one page of them.
 */
export class ObjectAggregate {
  private count = 0;
  private readonly sums: FieldSums;

  constructor(
    private readonly countName: string,
    private readonly countHelp: string,
    table: readonly FieldMetric[],
  ) {
    this.sums = new FieldSums(table);
  }

  add(record: ChannelRecord | ConnectionRecord): void {
    this.count++;
    this.sums.add(record);
  }

  emit(out: Sink): void {
    out.gauge(this.countName, this.countHelp, this.count);
    this.sums.emit(out);
  }
}

/** `featureFlags`: the broker's enabled feature flags, which gate two of the channel counters. */
export const channelAggregate = (featureFlags: ReadonlySet<string> | undefined): ObjectAggregate =>
  new ObjectAggregate('rabbitmq_channels', 'Channels open on the node', gatedByFeatureFlags(CHANNEL_METRICS, featureFlags));

export const connectionAggregate = (): ObjectAggregate =>
  new ObjectAggregate('rabbitmq_connections', 'Connections open on the node', CONNECTION_METRICS);
