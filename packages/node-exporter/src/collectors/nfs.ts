import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { NFS_CLIENT_V4_OPS, NFS_V2_OPS, NFS_V3_OPS, fixedLine, parseRpcStatLines, procOps, type RpcStatLines } from '../procfs/nfs.js';
import { readFeatureFile } from '../read/index.js';

function requests(out: MetricSink, help: string, proto: string, ops: Array<[string, number]>): void {
  for (const [method, v] of ops) out.counter('node_nfs_requests_total', help, v, { proto, method });
}

/** NFS client RPC statistics from /proc/net/rpc/nfs. */
export const nfsCollector: Collector<NodeContext> = {
  name: 'nfs',
  help: 'NFS client statistics from /proc/net/rpc/nfs.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const l: RpcStatLines = parseRpcStatLines(await readFeatureFile(ctx.target.proc('net', 'rpc', 'nfs'), ctx.signal, 'nfs'));
    const [, udp, tcp, tcpConn] = fixedLine(l, 'net', 4);
    const [calls, retrans, authRefresh] = fixedLine(l, 'rpc', 3);
    out.counter('node_nfs_packets_total', 'NFS client network packets by transport.', udp ?? 0, { protocol: 'udp' });
    out.counter('node_nfs_packets_total', 'NFS client network packets by transport.', tcp ?? 0, { protocol: 'tcp' });
    out.counter('node_nfs_connections_total', 'TCP connections the NFS client made.', tcpConn ?? 0);
    out.counter('node_nfs_rpcs_total', 'RPC calls the NFS client made.', calls ?? 0);
    out.counter('node_nfs_rpc_retransmissions_total', 'RPC calls the NFS client had to retransmit.', retrans ?? 0);
    out.counter('node_nfs_rpc_authentication_refreshes_total', 'RPC authentication refreshes of the NFS client.', authRefresh ?? 0);
    const help = 'NFS client procedure calls by protocol version and procedure.';
    requests(out, help, '2', procOps(l, 'proc2', NFS_V2_OPS, 18));
    requests(out, help, '3', procOps(l, 'proc3', NFS_V3_OPS, 22));
    requests(out, help, '4', procOps(l, 'proc4', NFS_CLIENT_V4_OPS, 0));
  },
};
