import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { NFS_SERVER_V4_OPS, NFS_V2_OPS, NFS_V3_OPS, fixedLine, parseRpcStatLines, procOps } from '../procfs/nfs.js';
import { readFeatureFile } from '../read/index.js';

function requests(out: MetricSink, help: string, proto: string, ops: Array<[string, number]>, skip: ReadonlySet<string>): void {
  for (const [method, v] of ops) {
    if (!skip.has(method)) out.counter('node_nfsd_requests_total', help, v, { proto, method });
  }
}

/** The server reports no Null calls, and only the v4 operations node_exporter lists. */
const NFSD_SKIP_V23 = new Set(['Null']);
const NFSD_SKIP_V4 = new Set(['Op0Unused', 'Op1Unused', 'Op2Future', 'PutPubFH', 'PutRootFH', 'SetClientID', 'SetClientIDConfirm']);

/** NFS server statistics from /proc/net/rpc/nfsd. */
export const nfsdCollector: Collector<NodeContext> = {
  name: 'nfsd',
  help: 'NFS server statistics from /proc/net/rpc/nfsd.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const l = parseRpcStatLines(await readFeatureFile(ctx.target.proc('net', 'rpc', 'nfsd'), ctx.signal, 'nfsd'));
    const [hits, misses, nocache] = fixedLine(l, 'rc', 3);
    out.counter('node_nfsd_reply_cache_hits_total', 'Requests answered from the reply cache (retransmissions).', hits ?? 0);
    out.counter('node_nfsd_reply_cache_misses_total', 'Cacheable requests not found in the reply cache.', misses ?? 0);
    out.counter('node_nfsd_reply_cache_nocache_total', 'Requests that bypass the reply cache.', nocache ?? 0);
    out.counter('node_nfsd_file_handles_stale_total', 'Stale file handles returned by the server.', fixedLine(l, 'fh', 5)[0] ?? 0);
    const [read, written] = fixedLine(l, 'io', 2);
    out.counter('node_nfsd_disk_bytes_read_total', 'Bytes the NFS server read from disk.', read ?? 0);
    out.counter('node_nfsd_disk_bytes_written_total', 'Bytes the NFS server wrote to disk.', written ?? 0);
    out.gauge('node_nfsd_server_threads', 'Running nfsd kernel threads.', fixedLine(l, 'th', 2)[0] ?? 0);
    const ra = fixedLine(l, 'ra', 12);
    out.gauge('node_nfsd_read_ahead_cache_size_blocks', 'Size of the read-ahead cache in blocks.', ra[0] ?? 0);
    out.counter('node_nfsd_read_ahead_cache_not_found_total', 'Read-ahead cache lookups that found nothing.', ra[11] ?? 0);
    const [, udp, tcp, tcpConn] = fixedLine(l, 'net', 4);
    out.counter('node_nfsd_packets_total', 'NFS server network packets by transport.', udp ?? 0, { proto: 'udp' });
    out.counter('node_nfsd_packets_total', 'NFS server network packets by transport.', tcp ?? 0, { proto: 'tcp' });
    out.counter('node_nfsd_connections_total', 'TCP connections accepted by the NFS server.', tcpConn ?? 0);
    const [rpcs, , badFmt, badAuth, badClnt] = fixedLine(l, 'rpc', 5);
    const errHelp = 'RPC requests the NFS server rejected, by reason.';
    out.counter('node_nfsd_rpc_errors_total', errHelp, badFmt ?? 0, { error: 'fmt' });
    out.counter('node_nfsd_rpc_errors_total', errHelp, badAuth ?? 0, { error: 'auth' });
    out.counter('node_nfsd_rpc_errors_total', errHelp, badClnt ?? 0, { error: 'cInt' });
    out.counter('node_nfsd_server_rpcs_total', 'RPC requests the NFS server received.', rpcs ?? 0);
    const help = 'NFS server procedure calls by protocol version and procedure.';
    requests(out, help, '2', procOps(l, 'proc2', NFS_V2_OPS, 18), NFSD_SKIP_V23);
    requests(out, help, '3', procOps(l, 'proc3', NFS_V3_OPS, 22), NFSD_SKIP_V23);
    requests(out, help, '4', procOps(l, 'proc4ops', NFS_SERVER_V4_OPS, 39), NFSD_SKIP_V4);
  },
};
