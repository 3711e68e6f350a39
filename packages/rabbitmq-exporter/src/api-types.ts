/**
 * The parts of the management HTTP API's JSON that this exporter reads. Every field is optional:
 * the API omits statistics it has not collected yet (a queue declared a moment ago has no
 * `messages` until its first stats emission, a stopped node has only `name` and `running`), and
 * the mapping must then leave the metric out rather than invent a zero.
 */

export interface MessageStats {
  publish?: number;
  confirm?: number;
  return_unroutable?: number;
  drop_unroutable?: number;
  get?: number;
  get_no_ack?: number;
  deliver?: number;
  deliver_no_ack?: number;
  deliver_get?: number;
  redeliver?: number;
  ack?: number;
  get_empty?: number;
  /** Exchanges only: messages the exchange routed to queues, counted once per destination queue. */
  publish_out?: number;
  publish_in?: number;
}

export interface OverviewRecord {
  cluster_name?: string;
  node?: string;
  rabbitmq_version?: string;
  erlang_version?: string;
  management_version?: string;
  product_name?: string;
  product_version?: string;
  message_stats?: MessageStats;
  object_totals?: { queues?: number; connections?: number; channels?: number; consumers?: number; exchanges?: number };
  queue_totals?: { messages?: number; messages_ready?: number; messages_unacknowledged?: number };
}

export interface NodeRecord {
  name: string;
  running?: boolean;
  fd_used?: number;
  fd_total?: number;
  sockets_used?: number;
  sockets_total?: number;
  mem_used?: number;
  mem_limit?: number;
  mem_alarm?: boolean;
  disk_free?: number;
  disk_free_limit?: number;
  disk_free_alarm?: boolean;
  proc_used?: number;
  proc_total?: number;
  run_queue?: number;
  uptime?: number;
  net_ticktime?: number;
  gc_num?: number;
  gc_bytes_reclaimed?: number;
  context_switches?: number;
  io_read_count?: number;
  io_read_bytes?: number;
  io_write_count?: number;
  io_write_bytes?: number;
  io_sync_count?: number;
  io_seek_count?: number;
  io_reopen_count?: number;
  mnesia_ram_tx_count?: number;
  mnesia_disk_tx_count?: number;
  msg_store_read_count?: number;
  msg_store_write_count?: number;
  queue_index_read_count?: number;
  queue_index_write_count?: number;
  connection_created?: number;
  connection_closed?: number;
  channel_created?: number;
  channel_closed?: number;
  queue_declared?: number;
  queue_created?: number;
  queue_deleted?: number;
  /** Only with ?memory=true on /api/nodes/<name>: rabbit_vm's breakdown, in bytes. */
  memory?: MemoryBreakdown;
}

/**
 * The node's memory by category as rabbit_vm reports it. The category set changes between
 * versions (3.10 has no metadata_store), hence the index signature.
 */
export interface MemoryBreakdown {
  readonly atom?: number;
  readonly code?: number;
  readonly binary?: number;
  readonly other_system?: number;
  readonly total?: { readonly erlang?: number; readonly rss?: number; readonly allocated?: number };
  readonly [category: string]: number | string | { readonly [k: string]: number | undefined } | undefined;
}

export interface FeatureFlagRecord {
  name: string;
  state?: string;
}

export interface ExchangeRecord {
  name: string;
  vhost: string;
  message_stats?: Pick<MessageStats, 'publish_in' | 'publish_out'>;
}

export interface ConsumerRecord {
  queue?: { name?: string; vhost?: string };
  channel_details?: { peer_host?: string; peer_port?: number; node?: string };
}

export interface QueueRecord {
  name: string;
  vhost: string;
  node?: string;
  type?: string;
  messages?: number;
  messages_ready?: number;
  messages_unacknowledged?: number;
  consumers?: number;
  consumer_capacity?: number;
  consumer_utilisation?: number | null;
  memory?: number;
  messages_ram?: number;
  message_bytes_ram?: number;
  messages_ready_ram?: number;
  messages_unacknowledged_ram?: number;
  messages_persistent?: number;
  message_bytes_persistent?: number;
  message_bytes?: number;
  message_bytes_ready?: number;
  message_bytes_unacknowledged?: number;
  messages_paged_out?: number;
  message_bytes_paged_out?: number;
  head_message_timestamp?: number | null;
  disk_reads?: number;
  disk_writes?: number;
  reductions?: number;
  message_stats?: Pick<MessageStats, 'publish'>;
}

export interface ConnectionRecord {
  node?: string;
  peer_host?: string;
  peer_port?: number;
  channels?: number;
  recv_oct?: number;
  send_oct?: number;
  recv_cnt?: number;
  send_cnt?: number;
  send_pend?: number;
  reductions?: number;
}

export interface ChannelRecord {
  name?: string;
  node?: string;
  confirm?: boolean;
  transactional?: boolean;
  connection_details?: { peer_host?: string; peer_port?: number; name?: string };
  consumer_count?: number;
  messages_unacknowledged?: number;
  messages_unconfirmed?: number;
  messages_uncommitted?: number;
  acks_uncommitted?: number;
  prefetch_count?: number;
  global_prefetch_count?: number;
  reductions?: number;
  message_stats?: MessageStats;
}

/** One page of a paged list endpoint (`?page=N&page_size=M`). */
export interface Page<T> {
  items: T[];
  page: number;
  page_count: number;
  page_size: number;
  total_count?: number;
  filtered_count?: number;
  item_count?: number;
}
