import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { sumUdpQueues } from '../procfs/udp-queues.js';
import { readAttr } from '../read/index.js';

/** Bytes queued in UDP socket buffers, summed per IP version and direction. */
export const udpQueuesCollector: Collector<NodeContext> = {
  name: 'udp_queues',
  help: 'UDP socket queue memory from /proc/net/udp and /proc/net/udp6.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const [v4, v6] = await Promise.all([
      readAttr(ctx.target.proc('net', 'udp'), ctx.signal),
      readAttr(ctx.target.proc('net', 'udp6'), ctx.signal),
    ]);
    if (v4 === undefined && v6 === undefined) throw new NoDataError('no /proc/net/udp or /proc/net/udp6');
    const help = 'Bytes of kernel memory held by queued UDP datagrams.';
    for (const [ip, text] of [['v4', v4], ['v6', v6]] as const) {
      if (text === undefined) continue;
      const q = sumUdpQueues(text);
      out.gauge('node_udp_queues', help, q.txQueue, { ip, queue: 'tx' });
      out.gauge('node_udp_queues', help, q.rxQueue, { ip, queue: 'rx' });
    }
  },
};
