import type { MemoryBreakdown, NodeRecord } from '../api-types.js';
import { emitFields, type FieldMetric, type Sink } from './fields.js';

/**
 * The plugin's Erlang VM families (prometheus.erl's erlang_vm_* collectors) that /api/nodes
 * carries exactly: the management agent reads the same erlang:statistics/system_info values.
 * Unlabelled and node-local, as the plugin writes them; the Erlang-BEAM dashboard selects the
 * node by `instance` and builds its node picker from erlang_vm_process_count.
 */
export const ERLANG_VM_METRICS: readonly FieldMetric[] = [
  { name: 'erlang_vm_process_count', type: 'gauge', source: 'proc_used', help: 'Erlang processes that exist on the node' },
  { name: 'erlang_vm_process_limit', type: 'gauge', source: 'proc_total', help: 'Most Erlang processes that can exist on the node at once' },
  { name: 'erlang_vm_statistics_context_switches', type: 'counter', source: 'context_switches', help: 'Context switches of the node\'s schedulers since the VM started' },
  { name: 'erlang_vm_statistics_garbage_collection_number_of_gcs', type: 'counter', source: 'gc_num', help: 'Garbage collections on the node since the VM started' },
  { name: 'erlang_vm_statistics_garbage_collection_bytes_reclaimed', type: 'counter', source: 'gc_bytes_reclaimed', help: 'Bytes reclaimed by garbage collection on the node since the VM started' },
  // Approximate: the agent samples the sum of the normal run queues; the plugin's value also
  // comes from erlang:statistics(run_queue) but at scrape time instead of every 5 s.
  { name: 'erlang_vm_statistics_run_queues_length', type: 'gauge', source: 'run_queue', help: 'Processes ready to run on the node\'s normal schedulers (sampled by the management agent)' },
];

/** The broker's file descriptors, labelled with the node so they never pass for the exporter's own process_* series. */
export function mapBrokerFds(node: NodeRecord, out: Sink): void {
  const labels = { rabbitmq_node: node.name };
  if (typeof node.fd_used === 'number') out.gauge('process_open_fds', 'File descriptors the broker node has open', node.fd_used, labels);
  if (typeof node.fd_total === 'number') out.gauge('process_max_fds', 'File descriptor limit of the broker node', node.fd_total, labels);
}

export function mapErlangVm(node: NodeRecord, out: Sink): void {
  emitFields(out, ERLANG_VM_METRICS, node);
}

/** rabbit_vm categories that are memory of Erlang processes (erlang:memory(processes) splits into these). */
const PROCESS_CATEGORIES = [
  'connection_readers', 'connection_writers', 'connection_channels', 'connection_other',
  'queue_procs', 'queue_slave_procs', 'quorum_queue_procs', 'quorum_queue_dlx_procs',
  'stream_queue_procs', 'stream_queue_replica_reader_procs', 'stream_queue_coordinator_procs',
  'plugins', 'metadata_store', 'other_proc',
];

/** rabbit_vm categories that are ETS tables (mgmt_db and msg_index also count some process memory). */
const ETS_CATEGORIES = ['other_ets', 'quorum_ets', 'metadata_store_ets', 'mnesia', 'metrics', 'mgmt_db', 'msg_index'];

function sumOf(memory: MemoryBreakdown, keys: readonly string[]): number | undefined {
  let total = 0;
  let seen = false;
  for (const k of keys) {
    const v = memory[k];
    if (typeof v === 'number' && Number.isFinite(v)) {
      total += v;
      seen = true;
    }
  }
  return seen ? total : undefined;
}

/**
 * erlang_vm_memory_* from the node's memory breakdown (`?memory=true`). atom, code, binary and
 * other are the VM's own figures (rabbit_vm copies erlang:memory/1). The rest is rebuilt:
 * kind="processes" is the sum of the process categories, kind="system" the Erlang total minus
 * that, and usage="ets" the sum of the ETS categories, an upper bound because the management
 * database and message index categories include the processes that own those tables.
 */
export function mapErlangMemory(memory: MemoryBreakdown, out: Sink): void {
  const system = 'erlang_vm_memory_system_bytes_total';
  const systemHelp = 'Memory the node\'s VM uses outside Erlang processes, by usage, in bytes';
  for (const usage of ['atom', 'code', 'binary'] as const) {
    const v = memory[usage];
    if (typeof v === 'number') out.gauge(system, systemHelp, v, { usage });
  }
  if (typeof memory.other_system === 'number') out.gauge(system, systemHelp, memory.other_system, { usage: 'other' });
  const ets = sumOf(memory, ETS_CATEGORIES);
  if (ets !== undefined) out.gauge(system, systemHelp, ets, { usage: 'ets' });

  const processes = sumOf(memory, PROCESS_CATEGORIES);
  const total = memory.total?.erlang;
  const kindHelp = 'Memory the node\'s VM has allocated, by kind (processes or system), in bytes';
  if (processes !== undefined) out.gauge('erlang_vm_memory_bytes_total', kindHelp, processes, { kind: 'processes' });
  if (processes !== undefined && typeof total === 'number') {
    out.gauge('erlang_vm_memory_bytes_total', kindHelp, Math.max(0, total - processes), { kind: 'system' });
  }
}
