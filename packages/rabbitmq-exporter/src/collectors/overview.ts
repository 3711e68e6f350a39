import { defineCollector } from '@scrapekit/exporter-kit';
import { globalReporter, mapBuildInfo, mapGlobalCounters, mapIdentity } from '../mapping/overview.js';
import type { RabbitTarget } from '../target.js';

/** Identity and build info of the scrape's node, and the cluster-wide message counters. */
export const overviewCollector = defineCollector<RabbitTarget>({
  name: 'overview',
  help: 'rabbitmq_identity_info, rabbitmq_build_info and rabbitmq_global_* counters from /api/overview',
  defaultEnabled: true,
  async collect({ target }, out) {
    const { overview, node } = target;
    mapIdentity({ node: node.name, cluster: overview.cluster_name ?? '', permanentId: target.clusterId, endpoint: target.endpointLabel }, out);
    mapBuildInfo(overview, out);
    if (globalReporter(target.runningNodes) === node.name) mapGlobalCounters(overview, out);
  },
});
