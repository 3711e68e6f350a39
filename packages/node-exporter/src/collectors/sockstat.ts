import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSockstat } from '../procfs/sockstat.js';
import { pageSize } from '../syscall/page-size.js';
import { readTextIfExists } from '../read/index.js';

export const sockstatCollector: Collector<NodeContext> = {
  name: 'sockstat',
  help: 'Socket counts and memory from /proc/net/sockstat and /proc/net/sockstat6.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const [v4, v6, page] = await Promise.all([
      readTextIfExists(t.proc('net', 'sockstat'), ctx.signal),
      readTextIfExists(t.proc('net', 'sockstat6'), ctx.signal),
      pageSize(t),
    ]);
    if (v4 === undefined && v6 === undefined) throw new NoDataError('no /proc/net/sockstat');
    const lines = [...(v4 === undefined ? [] : parseSockstat(v4, 'net/sockstat')), ...(v6 === undefined ? [] : parseSockstat(v6, 'net/sockstat6'))];
    for (const l of lines) {
      for (const [key, value] of l.values) {
        if (l.protocol === 'sockets') {
          if (key === 'used') out.gauge('node_sockstat_sockets_used', 'Sockets in use (IPv4 and IPv6).', value);
          continue;
        }
        out.gauge(`node_sockstat_${l.protocol}_${key}`, `Sockets of ${l.protocol}: ${key}.`, value);
        // The kernel counts socket memory in pages.
        if (key === 'mem') out.gauge(`node_sockstat_${l.protocol}_mem_bytes`, `Socket memory of ${l.protocol} in bytes.`, value * page);
      }
    }
  },
};
