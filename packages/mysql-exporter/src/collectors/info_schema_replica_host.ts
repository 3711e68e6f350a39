import type { MetricSink } from '@scrapekit/exporter-kit';
import { ER_UNKNOWN_TABLE, num, records, versionAtLeast, type QueryResult } from '../target.js';
import { defineMysqlCollector, queryOrNoData } from './define.js';

export const REPLICA_HOST_QUERY =
  "SELECT SERVER_ID, IF(SESSION_ID = 'MASTER_SESSION_ID', 'writer', 'reader') AS ROLE, CPU, MASTER_SLAVE_LATENCY_IN_MICROSECONDS, " +
  'REPLICA_LAG_IN_MILLISECONDS, LOG_STREAM_SPEED_IN_KiB_PER_SECOND, CURRENT_REPLAY_LATENCY_IN_MICROSECONDS ' +
  'FROM information_schema.replica_host_status';

const P = 'mysql_info_schema_replica_host_';

/** Aurora's replica_host_status: latencies to seconds, per server and role. */
export function writeReplicaHost(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { server_id: r.server_id ?? '', role: r.role ?? '' };
    out.gauge(P + 'cpu_percent', 'CPU use of the instance, in percent.', num(r.cpu) ?? 0, labels);
    out.gauge(P + 'replica_latency_seconds', 'Replication latency of the instance.', (num(r.master_slave_latency_in_microseconds) ?? 0) * 1e-6, labels);
    out.gauge(P + 'lag_seconds', 'Replica lag of the instance.', (num(r.replica_lag_in_milliseconds) ?? 0) * 1e-3, labels);
    out.gauge(P + 'log_stream_speed', 'Log stream speed, KiB per second.', num(r.log_stream_speed_in_kib_per_second) ?? 0, labels);
    out.gauge(P + 'replay_latency_seconds', 'Current replay latency of the instance.', (num(r.current_replay_latency_in_microseconds) ?? 0) * 1e-6, labels);
  }
}

export const replicaHostCollector = defineMysqlCollector({
  name: 'info_schema.replica_host',
  help: 'Collect metrics from information_schema.replica_host_status',
  defaultEnabled: false,
  supports: (t) => t.isMariaDB || versionAtLeast(t.serverVersion, 5, 6),
  async scrape({ target, out, signal }) {
    // Only Aurora has the table; elsewhere it is "unknown table" (1109): no data.
    writeReplicaHost(await queryOrNoData(target, REPLICA_HOST_QUERY, signal, [ER_UNKNOWN_TABLE]), out);
  },
});
