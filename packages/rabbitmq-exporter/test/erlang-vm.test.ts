import { describe, expect, it } from 'vitest';
import type { MemoryBreakdown, NodeRecord } from '../src/api-types.js';
import { mapBrokerFds, mapErlangMemory, mapErlangVm } from '../src/mapping/erlang-vm.js';
import { fixture, mapped, sampleValue } from './support/fixtures.js';

const [node] = fixture<NodeRecord[]>('nodes.json');

/** A 3.10.8 breakdown as /api/nodes/<node>?memory=true answered on this machine. */
const memory: MemoryBreakdown = {
  connection_readers: 0, connection_writers: 0, connection_channels: 0, connection_other: 280016, queue_procs: 0,
  queue_slave_procs: 0, quorum_queue_procs: 0, quorum_queue_dlx_procs: 2768, stream_queue_procs: 2768,
  stream_queue_replica_reader_procs: 2768, stream_queue_coordinator_procs: 0, plugins: 1763524, other_proc: 18719436,
  metrics: 564472, mgmt_db: 311688, mnesia: 91344, quorum_ets: 24472, other_ets: 3275808, binary: 102488, msg_index: 30384,
  code: 35215038, atom: 1433929, other_system: 14022553, allocated_unused: 0, reserved_unallocated: 87261184, strategy: 'rss',
  total: { erlang: 75843456, rss: 143409152, allocated: 56147968 },
};

describe('Erlang VM mapping', () => {
  it('copies the exact node fields under the plugin\'s erlang_vm_* names', () => {
    const f = mapped((out) => mapErlangVm(node!, out));
    expect([...f.values()].map((x) => [x.name, x.type, x.samples[0]!.value])).toEqual([
      ['erlang_vm_process_count', 'gauge', node!.proc_used],
      ['erlang_vm_process_limit', 'gauge', node!.proc_total],
      ['erlang_vm_statistics_context_switches', 'counter', node!.context_switches],
      ['erlang_vm_statistics_garbage_collection_number_of_gcs', 'counter', node!.gc_num],
      ['erlang_vm_statistics_garbage_collection_bytes_reclaimed', 'counter', node!.gc_bytes_reclaimed],
      ['erlang_vm_statistics_run_queues_length', 'gauge', node!.run_queue],
    ]);
  });

  it('labels the broker\'s file descriptors with its node', () => {
    const f = mapped((out) => mapBrokerFds(node!, out));
    expect(f.get('process_open_fds')!.samples).toEqual([{ suffix: '', labels: { rabbitmq_node: node!.name }, value: node!.fd_used }]);
    expect(sampleValue(f, 'process_max_fds', { rabbitmq_node: node!.name })).toBe(node!.fd_total);
  });

  it('rebuilds the memory families from the breakdown', () => {
    const f = mapped((out) => mapErlangMemory(memory, out));
    const system = (usage: string) => sampleValue(f, 'erlang_vm_memory_system_bytes_total', { usage });
    expect([system('atom'), system('code'), system('binary'), system('other')]).toEqual([1433929, 35215038, 102488, 14022553]);
    // other_ets + quorum_ets + mnesia + metrics + mgmt_db + msg_index
    expect(system('ets')).toBe(4298168);
    const processes = 280016 + 2768 * 3 + 1763524 + 18719436;
    expect(sampleValue(f, 'erlang_vm_memory_bytes_total', { kind: 'processes' })).toBe(processes);
    expect(sampleValue(f, 'erlang_vm_memory_bytes_total', { kind: 'system' })).toBe(75843456 - processes);
  });

  it('writes nothing it has no field for', () => {
    expect(mapped((out) => mapErlangMemory({}, out)).size).toBe(0);
    expect(mapped((out) => mapErlangVm({ name: 'rabbit@x', running: false }, out)).size).toBe(0);
  });
});
