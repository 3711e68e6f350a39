import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { boottimeCollector, cpuCollector, darwinMeminfoCollector, filesystemCollector, loadavgCollector, netdevCollector, timeCollector, unameCollector, windowsMeminfoCollector } from './collectors.js';
import { defaultPlatformDeps, type PlatformDeps } from './deps.js';

/**
 * The collectors for hosts node_exporter's Linux code cannot serve. macOS gets the Darwin names
 * node_exporter uses there (node_memory_total_bytes …); Windows, which node_exporter does not
 * support, gets the Linux names the node-mixin dashboards query. Empty for Linux: the /proc and
 * /sys collectors serve it, and systeminformation is never loaded there.
 */
export function platformCollectors(platform: NodeJS.Platform, deps: PlatformDeps = defaultPlatformDeps): ReadonlyArray<Collector<NodeContext>> {
  switch (platform) {
    case 'darwin':
      return [
        boottimeCollector(deps),
        cpuCollector(deps, platform),
        filesystemCollector(deps),
        loadavgCollector(deps),
        darwinMeminfoCollector(deps),
        netdevCollector(deps),
        timeCollector(deps),
        unameCollector(deps),
      ];
    case 'win32':
      // No load average on Windows (os.loadavg() is always zeros): node_load* is left out, not faked.
      return [
        boottimeCollector(deps),
        cpuCollector(deps, platform),
        filesystemCollector(deps),
        windowsMeminfoCollector(deps),
        netdevCollector(deps),
        timeCollector(deps),
        unameCollector(deps),
      ];
    default:
      return [];
  }
}

export type { PlatformDeps, SiFunctions, OsFunctions } from './deps.js';
