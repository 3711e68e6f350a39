import { ConfigError, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseIpvsBackends, parseIpvsStats, type IpvsBackend } from '../procfs/ipvs.js';
import { readFeatureFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const ipvsFlags: readonly FlagSpec[] = [
  {
    name: 'collector.ipvs.backend-labels',
    description: 'Comma-separated labels of the node_ipvs_backend_* series; real servers alike under the chosen labels are summed.',
    default: 'local_address,local_port,remote_address,remote_port,proto,local_mark',
    placeholder: '<labels>',
  },
];

export const IPVS_BACKEND_LABELS = ['local_address', 'local_port', 'remote_address', 'remote_port', 'proto', 'local_mark'] as const;
type BackendLabel = (typeof IPVS_BACKEND_LABELS)[number];

function labelValue(b: IpvsBackend, l: BackendLabel): string {
  switch (l) {
    case 'local_address':
      return b.localAddress;
    case 'local_port':
      return String(b.localPort);
    case 'remote_address':
      return b.remoteAddress;
    case 'remote_port':
      return String(b.remotePort);
    case 'proto':
      return b.proto;
    case 'local_mark':
      return b.localMark;
  }
}

/** IPVS (kernel load balancer) totals and per-real-server connection counts. */
export const ipvsCollector: Collector<NodeContext> = {
  name: 'ipvs',
  flags: ipvsFlags,
  help: 'IPVS statistics from /proc/net/ip_vs and /proc/net/ip_vs_stats.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const wanted = (t.str('collector.ipvs.backend-labels') || IPVS_BACKEND_LABELS.join(',')).split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const w of wanted) {
      if (!(IPVS_BACKEND_LABELS as readonly string[]).includes(w)) throw new ConfigError(`--collector.ipvs.backend-labels: unknown label ${JSON.stringify(w)}; use any of ${IPVS_BACKEND_LABELS.join(',')}`);
    }
    const stats = parseIpvsStats(await readFeatureFile(t.proc('net', 'ip_vs_stats'), ctx.signal, 'ipvs'));
    out.counter('node_ipvs_connections_total', 'Connections handled by IPVS.', stats.connections);
    out.counter('node_ipvs_incoming_packets_total', 'Packets into IPVS.', stats.incomingPackets);
    out.counter('node_ipvs_outgoing_packets_total', 'Packets out of IPVS.', stats.outgoingPackets);
    out.counter('node_ipvs_incoming_bytes_total', 'Bytes into IPVS.', stats.incomingBytes);
    out.counter('node_ipvs_outgoing_bytes_total', 'Bytes out of IPVS.', stats.outgoingBytes);

    // With fewer labels, real servers that now look alike are summed, as node_exporter does.
    const sums = new Map<string, { labels: Record<string, string>; active: number; inactive: number; weight: number }>();
    for (const b of parseIpvsBackends(await readFeatureFile(t.proc('net', 'ip_vs'), ctx.signal, 'ipvs'))) {
      const labels = Object.fromEntries(wanted.map((l) => [l, labelValue(b, l as BackendLabel)]));
      const key = JSON.stringify(labels);
      const s = sums.get(key) ?? { labels, active: 0, inactive: 0, weight: 0 };
      s.active += b.activeConn;
      s.inactive += b.inactConn;
      s.weight += b.weight;
      sums.set(key, s);
    }
    for (const s of sums.values()) {
      out.gauge('node_ipvs_backend_connections_active', 'Active connections of the real server.', s.active, s.labels);
      out.gauge('node_ipvs_backend_connections_inactive', 'Inactive connections of the real server.', s.inactive, s.labels);
      out.gauge('node_ipvs_backend_weight', 'Weight of the real server.', s.weight, s.labels);
    }
  },
};
