import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import { mapErlangMemory, mapErlangVm } from '../mapping/erlang-vm.js';
import type { RabbitTarget } from '../target.js';

/**
 * The plugin's erlang_vm_* families the API can source, for the Erlang-BEAM dashboard: process
 * count and limit, context switches, garbage collection, run queue from the node record, and
 * the memory families from the node's memory breakdown, which is read on its own, slower
 * schedule (--rabbitmq.memory-breakdown-interval) and may be up to one interval old.
 */
export const erlangVmCollector = defineCollector<RabbitTarget>({
  name: 'erlang_vm',
  help: 'erlang_vm_* of the node from /api/nodes (memory from the cached ?memory=true breakdown)',
  defaultEnabled: true,
  async collect({ target, signal, logger }, out) {
    if (target.endpoint.kind === 'detailed') throw new NoDataError('not a family of the detailed endpoint');
    mapErlangVm(target.node, out);
    const memory = await target.memory(signal, logger);
    if (memory) mapErlangMemory(memory, out);
  },
});
