import { collectOnce, NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../../src/api-types.js';
import { erlangVmCollector } from '../../src/collectors/erlang_vm.js';
import { endpointFromParams, PER_OBJECT, type Endpoint } from '../../src/endpoint.js';
import { fixture } from '../support/fixtures.js';
import { fakeApi, target, value } from '../support/target.js';

const [node] = fixture<NodeRecord[]>('nodes.json');

describe('erlang_vm collector', () => {
  it('writes the node record\'s VM figures and the cached memory breakdown', async () => {
    const memory = async () => ({ atom: 10, code: 20, binary: 30, other_system: 40, other_proc: 50, total: { erlang: 200 } });
    const fams = await collectOnce(erlangVmCollector, target(fakeApi({}).api, node!.name, { node: node!, memory }));
    expect(value(fams, 'erlang_vm_process_count')).toBe(node!.proc_used);
    expect(value(fams, 'erlang_vm_memory_system_bytes_total', { usage: 'code' })).toBe(20);
    expect(value(fams, 'erlang_vm_memory_bytes_total', { kind: 'system' })).toBe(150);
  });

  it('writes the node figures alone while no breakdown has been read', async () => {
    const fams = await collectOnce(erlangVmCollector, target(fakeApi({}).api, node!.name, { node: node! }));
    expect(value(fams, 'erlang_vm_process_limit')).toBe(node!.proc_total);
    expect(fams.some((f) => f.name.startsWith('erlang_vm_memory'))).toBe(false);
  });

  it('is not part of the detailed endpoint', async () => {
    const endpoint = endpointFromParams(new URLSearchParams('family=node_metrics'), PER_OBJECT) as Endpoint;
    await expect(collectOnce(erlangVmCollector, target(fakeApi({}).api, node!.name, { node: node!, endpoint }))).rejects.toBeInstanceOf(NoDataError);
  });
});
