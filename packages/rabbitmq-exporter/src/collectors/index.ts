import { canaryCollector } from './canary.js';
import { channelCollector } from './channel.js';
import { connectionCollector } from './connection.js';
import { erlangVmCollector } from './erlang_vm.js';
import { globalCollector } from './global.js';
import { nodeCollector } from './node.js';
import { overviewCollector } from './overview.js';
import { processCollector } from './process.js';
import { queueCollector } from './queue.js';

/** The registry: each entry becomes --collector.<name> / --no-collector.<name>. */
export const COLLECTORS = [
  overviewCollector, globalCollector, nodeCollector, erlangVmCollector, processCollector,
  queueCollector, connectionCollector, channelCollector, canaryCollector,
];
