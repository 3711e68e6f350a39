import { defineCollector } from '@scrapekit/exporter-kit';
import { mapBuildInfo, mapIdentity } from '../mapping/overview.js';
import type { RabbitTarget } from '../target.js';

/** Identity and build info of the scrape's node, from /api/overview (on every endpoint, as the plugin). */
export const overviewCollector = defineCollector<RabbitTarget>({
  name: 'overview',
  help: 'rabbitmq_identity_info and rabbitmq_build_info from /api/overview',
  defaultEnabled: true,
  async collect({ target }, out) {
    const { overview, node } = target;
    mapIdentity({ node: node.name, cluster: overview.cluster_name ?? '', permanentId: target.clusterId, endpoint: target.endpointLabel }, out);
    mapBuildInfo(overview, out);
  },
});
