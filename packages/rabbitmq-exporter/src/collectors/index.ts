import { canaryCollector } from './canary.js';
import { channelCollector, connectionCollector } from './channel.js';
import { nodeCollector } from './node.js';
import { overviewCollector } from './overview.js';
import { queueCollector } from './queue.js';

/** The registry: each entry becomes --collector.<name> / --no-collector.<name>. */
export const COLLECTORS = [overviewCollector, nodeCollector, queueCollector, connectionCollector, channelCollector, canaryCollector];
