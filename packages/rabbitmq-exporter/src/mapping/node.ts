import type { NodeRecord } from '../api-types.js';
import { columnsOf, emitFields, type FieldMetric, type Sink } from './fields.js';

/**
 * /api/nodes fields → the plugin's node metrics. The management agent fills these fields from
 * the same core-metrics tables the plugin reads, so the values are the plugin's, up to the
 * agent's 5 s statistics interval. The tables are grouped and keyed as the plugin names its metric families (the `family`
 * parameter of /metrics/detailed). `alarms` is the plugin's alarm collector, not a detailed family.
 */
export const NODE_FAMILIES = {
  node_coarse_metrics: [
    { name: 'rabbitmq_process_open_fds', type: 'gauge', source: 'fd_used', help: 'File descriptors the node has open' },
    { name: 'rabbitmq_process_resident_memory_bytes', type: 'gauge', source: 'mem_used', help: 'Memory the node uses, in bytes, as its memory alarm counts it' },
    { name: 'rabbitmq_disk_space_available_bytes', type: 'gauge', source: 'disk_free', help: 'Free disk space on the node\'s data partition, in bytes' },
    { name: 'rabbitmq_erlang_processes_used', type: 'gauge', source: 'proc_used', help: 'Erlang processes running on the node' },
    { name: 'rabbitmq_erlang_gc_runs_total', type: 'counter', source: 'gc_num', help: 'Erlang garbage collections on the node' },
    { name: 'rabbitmq_erlang_gc_reclaimed_bytes_total', type: 'counter', source: 'gc_bytes_reclaimed', help: 'Bytes reclaimed by Erlang garbage collection on the node' },
    { name: 'rabbitmq_erlang_scheduler_context_switches_total', type: 'counter', source: 'context_switches', help: 'Erlang scheduler context switches on the node' },
  ],
  node_metrics: [
    { name: 'rabbitmq_process_max_fds', type: 'gauge', source: 'fd_total', help: 'File descriptor limit of the node' },
    { name: 'rabbitmq_process_open_tcp_sockets', type: 'gauge', source: 'sockets_used', help: 'TCP sockets the node has open' },
    { name: 'rabbitmq_process_max_tcp_sockets', type: 'gauge', source: 'sockets_total', help: 'TCP socket limit of the node' },
    { name: 'rabbitmq_resident_memory_limit_bytes', type: 'gauge', source: 'mem_limit', help: 'Memory high watermark of the node, in bytes; publishers are blocked above it' },
    { name: 'rabbitmq_disk_space_available_limit_bytes', type: 'gauge', source: 'disk_free_limit', help: 'Free disk space low watermark of the node, in bytes; publishers are blocked below it' },
    { name: 'rabbitmq_erlang_processes_limit', type: 'gauge', source: 'proc_total', help: 'Erlang process limit of the node' },
    { name: 'rabbitmq_erlang_scheduler_run_queue', type: 'gauge', source: 'run_queue', help: 'Erlang processes waiting to run on the node\'s schedulers' },
    { name: 'rabbitmq_erlang_net_ticktime_seconds', type: 'gauge', source: 'net_ticktime', help: 'Tick interval between cluster nodes, in seconds' },
    { name: 'rabbitmq_erlang_uptime_seconds', type: 'gauge', source: 'uptime', scale: 1 / 1000, help: 'Time since the node\'s Erlang VM started, in seconds' },
  ],
  node_persister_metrics: [
    { name: 'rabbitmq_io_read_ops_total', type: 'counter', source: 'io_read_count', help: 'Disk read operations of the node' },
    { name: 'rabbitmq_io_read_bytes_total', type: 'counter', source: 'io_read_bytes', help: 'Bytes read from disk by the node' },
    { name: 'rabbitmq_io_write_ops_total', type: 'counter', source: 'io_write_count', help: 'Disk write operations of the node' },
    { name: 'rabbitmq_io_write_bytes_total', type: 'counter', source: 'io_write_bytes', help: 'Bytes written to disk by the node' },
    { name: 'rabbitmq_io_sync_ops_total', type: 'counter', source: 'io_sync_count', help: 'fsync operations of the node' },
    { name: 'rabbitmq_io_seek_ops_total', type: 'counter', source: 'io_seek_count', help: 'Disk seek operations of the node' },
    { name: 'rabbitmq_io_reopen_ops_total', type: 'counter', source: 'io_reopen_count', help: 'Files reopened by the node\'s file handle cache' },
    { name: 'rabbitmq_schema_db_ram_tx_total', type: 'counter', source: 'mnesia_ram_tx_count', help: 'Schema database transactions in RAM on the node' },
    { name: 'rabbitmq_schema_db_disk_tx_total', type: 'counter', source: 'mnesia_disk_tx_count', help: 'Schema database transactions on disk on the node' },
    { name: 'rabbitmq_msg_store_read_total', type: 'counter', source: 'msg_store_read_count', help: 'Message store read operations of the node' },
    { name: 'rabbitmq_msg_store_write_total', type: 'counter', source: 'msg_store_write_count', help: 'Message store write operations of the node' },
    { name: 'rabbitmq_queue_index_read_ops_total', type: 'counter', source: 'queue_index_read_count', help: 'Queue index read operations of the node' },
    { name: 'rabbitmq_queue_index_write_ops_total', type: 'counter', source: 'queue_index_write_count', help: 'Queue index write operations of the node' },
  ],
  connection_churn_metrics: [
    { name: 'rabbitmq_connections_opened_total', type: 'counter', source: 'connection_created', help: 'Connections opened on the node' },
    { name: 'rabbitmq_connections_closed_total', type: 'counter', source: 'connection_closed', help: 'Connections closed or terminated on the node' },
    { name: 'rabbitmq_channels_opened_total', type: 'counter', source: 'channel_created', help: 'Channels opened on the node' },
    { name: 'rabbitmq_channels_closed_total', type: 'counter', source: 'channel_closed', help: 'Channels closed on the node' },
    { name: 'rabbitmq_queues_declared_total', type: 'counter', source: 'queue_declared', help: 'Queue declarations handled by the node' },
    { name: 'rabbitmq_queues_created_total', type: 'counter', source: 'queue_created', help: 'Queues created on the node' },
    { name: 'rabbitmq_queues_deleted_total', type: 'counter', source: 'queue_deleted', help: 'Queues deleted on the node' },
  ],
  alarms: [
    { name: 'rabbitmq_alarms_memory_used_watermark', type: 'untyped', source: 'mem_alarm', help: '1 when the node\'s memory alarm is raised (publishers blocked), else 0' },
    { name: 'rabbitmq_alarms_free_disk_space_watermark', type: 'untyped', source: 'disk_free_alarm', help: '1 when the node\'s free disk space alarm is raised (publishers blocked), else 0' },
  ],
} as const satisfies Record<string, readonly FieldMetric[]>;

export type NodeFamily = keyof typeof NODE_FAMILIES;

export const NODE_METRICS: readonly FieldMetric[] = Object.values(NODE_FAMILIES).flat();

/** Columns requested from /api/nodes: what we map, plus what selects and checks the node. */
export const NODE_COLUMNS: readonly string[] = ['name', 'running', ...columnsOf(NODE_METRICS)];

/** Writes the metrics of one node (node-local, unlabelled, as the plugin exposes them). */
export function mapNode(node: NodeRecord, out: Sink, families: readonly NodeFamily[] = Object.keys(NODE_FAMILIES) as NodeFamily[]): void {
  for (const f of families) emitFields(out, NODE_FAMILIES[f], node);
}
