import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSoftnetStat } from '../procfs/softnet.js';
import { readFeatureFile } from './sysfs-read.js';

/** Per-CPU packet processing counters of the kernel's receive softirq. */
export const softnetCollector: Collector<NodeContext> = {
  name: 'softnet',
  help: 'Per-CPU network softirq statistics from /proc/net/softnet_stat.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const text = await readFeatureFile(ctx.target.proc('net', 'softnet_stat'), ctx.signal, 'softnet');
    for (const row of parseSoftnetStat(text)) {
      const l = { cpu: String(row.cpu) };
      out.counter('node_softnet_processed_total', 'Packets processed by the CPU.', row.processed, l);
      out.counter('node_softnet_dropped_total', 'Packets dropped because the input backlog was full.', row.dropped, l);
      out.counter('node_softnet_times_squeezed_total', 'Times the receive softirq ran out of budget with work left.', row.timeSqueezed, l);
      out.counter('node_softnet_cpu_collision_total', 'Collisions while taking the device transmit lock.', row.cpuCollision, l);
      out.counter('node_softnet_received_rps_total', 'Times the CPU was woken by an RPS inter-processor interrupt.', row.receivedRps, l);
      out.counter('node_softnet_flow_limit_count_total', 'Times the per-flow limit was hit.', row.flowLimitCount, l);
      out.gauge('node_softnet_backlog_len', 'Packets currently in the CPU input backlog.', row.backlogLen, l);
    }
  },
};
