import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { addTcpStates } from '../procfs/tcp-states.js';
import { readAttr } from '../read/index.js';

/** TCP sockets by state (and queued bytes) from /proc/net/tcp and tcp6. */
export const tcpstatCollector: Collector<NodeContext> = {
  name: 'tcpstat',
  help: 'TCP connection states from /proc/net/tcp and /proc/net/tcp6.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const [v4, v6] = await Promise.all([readAttr(ctx.target.proc('net', 'tcp'), ctx.signal), readAttr(ctx.target.proc('net', 'tcp6'), ctx.signal)]);
    if (v4 === undefined && v6 === undefined) throw new NoDataError('no /proc/net/tcp');
    const states = new Map<string, number>();
    if (v4 !== undefined) addTcpStates(v4, states);
    if (v6 !== undefined) addTcpStates(v6, states);
    for (const [state, n] of states) out.gauge('node_tcp_connection_states', 'TCP sockets in each state; *_queued_bytes sum the socket queues.', n, { state });
  },
};
