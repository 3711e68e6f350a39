import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { conntrackCollector } from './conntrack.js';
import { cpuCollector } from './cpu.js';
import { diskstatsCollector } from './diskstats.js';
import { entropyCollector } from './entropy.js';
import { filefdCollector } from './filefd.js';
import { filesystemCollector } from './filesystem.js';
import { loadavgCollector } from './loadavg.js';
import { mdadmCollector } from './mdadm.js';
import { meminfoCollector } from './meminfo.js';
import { netdevCollector } from './netdev.js';
import { netstatCollector } from './netstat.js';
import { osCollector } from './os.js';
import { pressureCollector } from './pressure.js';
import { sockstatCollector } from './sockstat.js';
import { statCollector } from './stat.js';
import { textfileCollector } from './textfile.js';
import { timeCollector } from './time.js';
import { timexCollector } from './timex.js';
import { unameCollector } from './uname.js';
import { vmstatCollector } from './vmstat.js';

/** The collectors the node-mixin and common dashboards use. One import + one line per collector. */
export const coreCollectors: ReadonlyArray<Collector<NodeContext>> = [
  conntrackCollector,
  cpuCollector,
  diskstatsCollector,
  entropyCollector,
  filefdCollector,
  filesystemCollector,
  loadavgCollector,
  mdadmCollector,
  meminfoCollector,
  netdevCollector,
  netstatCollector,
  osCollector,
  pressureCollector,
  sockstatCollector,
  statCollector,
  textfileCollector,
  timeCollector,
  timexCollector,
  unameCollector,
  vmstatCollector,
];
