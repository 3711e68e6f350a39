import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { bondingCollector } from './bonding.js';
import { cpufreqCollector } from './cpufreq.js';
import { hwmonCollector } from './hwmon.js';
import { netclassCollector } from './netclass.js';
import { schedstatCollector } from './schedstat.js';
import { softnetCollector } from './softnet.js';
import { thermalZoneCollector } from './thermal-zone.js';

/** The rest of node_exporter's default set, and the default-off collectors. One import + one line per collector. */
export const moreCollectors: ReadonlyArray<Collector<NodeContext>> = [
  bondingCollector,
  cpufreqCollector,
  hwmonCollector,
  netclassCollector,
  schedstatCollector,
  softnetCollector,
  thermalZoneCollector,
];
