import { defineCollector } from '@scrapekit/exporter-kit';
import { DETAILED_FAMILIES } from '../endpoint.js';
import { prefixedSink } from '../mapping/fields.js';
import { mapNode, NODE_FAMILIES, type NodeFamily } from '../mapping/node.js';
import type { RabbitTarget } from '../target.js';

const DETAILED_NODE_FAMILIES = DETAILED_FAMILIES.filter((f): f is NodeFamily & (typeof DETAILED_FAMILIES)[number] => f in NODE_FAMILIES);

/** Resources, alarms and churn counters of the scrape's node; on the detailed endpoint only the asked families. */
export const nodeCollector = defineCollector<RabbitTarget>({
  name: 'node',
  help: 'Node resources, alarms and churn counters from /api/nodes',
  defaultEnabled: true,
  async collect({ target }, out) {
    // The record was read by acquire() to check the node is running; no second request needed.
    const { endpoint } = target;
    if (endpoint.kind !== 'detailed') return mapNode(target.node, out);
    const asked = DETAILED_NODE_FAMILIES.filter((f) => endpoint.families.has(f));
    mapNode(target.node, prefixedSink(out, 'rabbitmq_', 'rabbitmq_detailed_'), asked);
  },
});
