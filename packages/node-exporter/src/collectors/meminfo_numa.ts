import { join } from 'node:path';
import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseNodeMeminfo, parseNumastat } from '../sysfs/numa.js';
import { listDir, mapLimit, readAttr } from '../read/index.js';
import { naturalCompare } from '../natural-compare.js';

/** Per-NUMA-node memory usage and allocation counters from /sys/devices/system/node. */
export const meminfoNumaCollector: Collector<NodeContext> = {
  name: 'meminfo_numa',
  help: 'Per-NUMA-node memory statistics from /sys/devices/system/node.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const base = ctx.target.sys('devices', 'system', 'node');
    const nodes = ((await listDir(base)) ?? []).filter((e) => /^node\d+$/.test(e)).sort(naturalCompare);
    if (nodes.length === 0) throw new NoDataError('no NUMA nodes in /sys/devices/system/node');
    const data = await mapLimit(nodes, 4, async (n) => ({
      node: n.slice(4),
      meminfo: await readAttr(join(base, n, 'meminfo'), ctx.signal),
      numastat: await readAttr(join(base, n, 'numastat'), ctx.signal),
    }));
    for (const d of data) {
      const l = { node: d.node };
      for (const [field, v] of d.meminfo === undefined ? [] : parseNodeMeminfo(d.meminfo)) {
        out.gauge(`node_memory_numa_${field}`, `Memory information field ${field} of the NUMA node.`, v, l);
      }
      for (const [field, v] of d.numastat === undefined ? [] : parseNumastat(d.numastat)) {
        out.counter(`node_memory_numa_${field}_total`, `NUMA allocation counter ${field} of the node.`, v, l);
      }
    }
  },
};
