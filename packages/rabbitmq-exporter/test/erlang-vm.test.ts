import { describe, expect, it } from 'vitest';
import type { MetricFamily } from '@scrapekit/exporter-kit';
import type { MemoryBreakdown, NodeRecord } from '../src/api-types.js';
import { ERLANG_VM_METRICS, mapBrokerFds, mapErlangMemory, mapErlangVm } from '../src/mapping/erlang-vm.js';
import { NODE_COLUMNS } from '../src/mapping/node.js';
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
  it('copies the exact node fields under the plugin\'s erlang_vm_* names, each with its HELP', () => {
    const f = mapped((out) => mapErlangVm(node!, out));
    expect([...f.values()].map((x) => [x.name, x.type, x.help, x.samples[0]!.value])).toEqual([
      ['erlang_vm_process_count', 'gauge', 'Erlang processes that exist on the node', node!.proc_used],
      ['erlang_vm_process_limit', 'gauge', 'Most Erlang processes that can exist on the node at once', node!.proc_total],
      ['erlang_vm_statistics_context_switches', 'counter', 'Context switches of the node\'s schedulers since the VM started', node!.context_switches],
      ['erlang_vm_statistics_garbage_collection_number_of_gcs', 'counter', 'Garbage collections on the node since the VM started', node!.gc_num],
      [
        'erlang_vm_statistics_garbage_collection_bytes_reclaimed', 'counter', 'Bytes reclaimed by garbage collection on the node since the VM started',
        node!.gc_bytes_reclaimed,
      ],
      [
        'erlang_vm_statistics_run_queues_length', 'gauge', 'Processes ready to run on the node\'s normal schedulers (sampled by the management agent)',
        node!.run_queue,
      ],
    ]);
  });

  const OPEN_FDS = { name: 'process_open_fds', help: 'File descriptors the broker node has open', type: 'gauge' };
  const MAX_FDS = { name: 'process_max_fds', help: 'File descriptor limit of the broker node', type: 'gauge' };

  it.each([
    { what: 'the recorded node', fds: { fd_used: node!.fd_used, fd_total: node!.fd_total }, written: [[OPEN_FDS, node!.fd_used], [MAX_FDS, node!.fd_total]] },
    { what: 'a node reporting only its open descriptors', fds: { fd_used: 97 }, written: [[OPEN_FDS, 97]] },
    { what: 'a node reporting only its limit', fds: { fd_total: 1024 }, written: [[MAX_FDS, 1024]] },
    { what: 'a stopped node', fds: {}, written: [] },
  ] as const)('labels the broker\'s file descriptors with its node and writes only those reported: $what', ({ fds, written }) => {
    const f = mapped((out) => mapBrokerFds({ name: 'rabbit@a', running: true, ...fds }, out));
    expect([...f.values()]).toEqual(written.map(([family, value]) => ({ ...family, samples: [{ suffix: '', labels: { rabbitmq_node: 'rabbit@a' }, value }] })));
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

  it('reads only fields that the /api/nodes request asks for', () => {
    expect(NODE_COLUMNS).toEqual(expect.arrayContaining([...ERLANG_VM_METRICS.map((m) => m.source), 'fd_used', 'fd_total']));
  });

  it('writes nothing it has no field for', () => {
    expect(mapped((out) => mapErlangMemory({}, out)).size).toBe(0);
    expect(mapped((out) => mapErlangVm({ name: 'rabbit@x', running: false }, out)).size).toBe(0);
  });
});

/** [family, labels, value] of every sample written, in order. */
function samplesOf(f: Map<string, MetricFamily>): Array<[string, Record<string, string>, number]> {
  return [...f.values()].flatMap((fam) => fam.samples.map((s): [string, Record<string, string>, number] => [fam.name, { ...s.labels }, s.value]));
}

describe('Erlang VM memory from every rabbit_vm category', () => {
  /** rabbit_vm's categories of Erlang process memory and of ETS tables, written out as 3.13+ reports them. */
  const PROCESS_CATEGORIES = [
    'connection_readers', 'connection_writers', 'connection_channels', 'connection_other', 'queue_procs', 'queue_slave_procs',
    'quorum_queue_procs', 'quorum_queue_dlx_procs', 'stream_queue_procs', 'stream_queue_replica_reader_procs',
    'stream_queue_coordinator_procs', 'plugins', 'metadata_store', 'other_proc',
  ];
  const ETS_CATEGORIES = ['other_ets', 'quorum_ets', 'metadata_store_ets', 'mnesia', 'metrics', 'mgmt_db', 'msg_index'];
  // A distinct power of two per category: one left out of its sum, or summed into the other, changes a value.
  const categories = Object.fromEntries([...PROCESS_CATEGORIES, ...ETS_CATEGORIES].map((k, i) => [k, 2 ** i]));
  const sumOf = (keys: readonly string[]) => keys.reduce((s, k) => s + categories[k]!, 0);
  const breakdown: MemoryBreakdown = {
    ...categories, atom: 3, code: 5, binary: 7, other_system: 9, allocated_unused: 11, reserved_unallocated: 13, strategy: 'rss',
    total: { erlang: 2 ** 30, rss: 2 ** 31, allocated: 2 ** 29 },
  };

  it('writes the VM\'s own figures, the ETS sum, the processes sum and the rest of the Erlang total, with their HELP', () => {
    const f = mapped((out) => mapErlangMemory(breakdown, out));
    expect([...f.values()].map((fam) => [fam.name, fam.type, fam.help])).toEqual([
      ['erlang_vm_memory_system_bytes_total', 'gauge', 'Memory the node\'s VM uses outside Erlang processes, by usage, in bytes'],
      ['erlang_vm_memory_bytes_total', 'gauge', 'Memory the node\'s VM has allocated, by kind (processes or system), in bytes'],
    ]);
    expect(samplesOf(f)).toEqual([
      ['erlang_vm_memory_system_bytes_total', { usage: 'atom' }, 3],
      ['erlang_vm_memory_system_bytes_total', { usage: 'code' }, 5],
      ['erlang_vm_memory_system_bytes_total', { usage: 'binary' }, 7],
      ['erlang_vm_memory_system_bytes_total', { usage: 'other' }, 9],
      ['erlang_vm_memory_system_bytes_total', { usage: 'ets' }, sumOf(ETS_CATEGORIES)],
      ['erlang_vm_memory_bytes_total', { kind: 'processes' }, sumOf(PROCESS_CATEGORIES)],
      ['erlang_vm_memory_bytes_total', { kind: 'system' }, 2 ** 30 - sumOf(PROCESS_CATEGORIES)],
    ]);
  });

  it.each<{ what: string; memory: MemoryBreakdown; written: Array<[string, Record<string, string>, number]> }>([
    {
      what: 'process categories without an Erlang total give kind="processes" only',
      memory: { other_proc: 100, plugins: 20 }, written: [['erlang_vm_memory_bytes_total', { kind: 'processes' }, 120]],
    },
    { what: 'an Erlang total without process categories gives no kind at all', memory: { total: { erlang: 1000 } }, written: [] },
    {
      what: 'a total below the processes sum gives kind="system" 0, not a negative size',
      memory: { other_proc: 100, total: { erlang: 60 } },
      written: [['erlang_vm_memory_bytes_total', { kind: 'processes' }, 100], ['erlang_vm_memory_bytes_total', { kind: 'system' }, 0]],
    },
    {
      // Not valid JSON, but the type allows it: a non-finite figure is skipped rather than poisoning the sum.
      what: 'a non-finite category is left out of its sum',
      memory: { other_ets: 5, mnesia: Number.NaN, other_proc: Number.POSITIVE_INFINITY },
      written: [['erlang_vm_memory_system_bytes_total', { usage: 'ets' }, 5]],
    },
  ])('$what', ({ memory, written }) => {
    expect(samplesOf(mapped((out) => mapErlangMemory(memory, out)))).toEqual(written);
  });
});
