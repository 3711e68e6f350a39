import { defineCollector, NoDataError } from '@scrapekit/exporter-kit';
import { mapBrokerFds } from '../mapping/erlang-vm.js';
import type { RabbitTarget } from '../target.js';

/**
 * The broker node's process_open_fds / process_max_fds (the Erlang-BEAM dashboard's File
 * Descriptors panel), labelled rabbitmq_node: on the metrics path the exporter's own process_*
 * series (the kit's, unlabelled) sit beside them and must not be mistaken for the broker's.
 */
export const processCollector = defineCollector<RabbitTarget>({
  name: 'process',
  help: 'The broker node\'s process_open_fds and process_max_fds from /api/nodes, labelled rabbitmq_node',
  defaultEnabled: true,
  async collect({ target }, out) {
    if (target.endpoint.kind === 'detailed') throw new NoDataError('not a family of the detailed endpoint');
    mapBrokerFds(target.node, out);
  },
});
