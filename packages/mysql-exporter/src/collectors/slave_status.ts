import type { MetricSink } from '@scrapekit/exporter-kit';
import { legacyReplicaColumn, parseStatus } from '../naming.js';
import { ER_PARSE_ERROR, QueryError, versionAtLeast, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

const HELP = 'Generic metric from SHOW SLAVE STATUS / SHOW REPLICA STATUS.';
const GTID_COLUMNS = new Set(['gtid_io_pos', 'gtid_slave_pos']);

/**
 * Statements to try, best first. mysqld_exporter always starts with SHOW ALL SLAVES STATUS and
 * walks down on errors (four failing statements per scrape on MySQL < 8.4); we start with the
 * syntax this server's version is known to speak and keep the others only as fallbacks.
 */
export function replicaStatusStatements(target: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): string[] {
  if (target.isMariaDB) return ['SHOW ALL SLAVES STATUS', 'SHOW ALL REPLICAS STATUS', 'SHOW SLAVE STATUS'];
  if (versionAtLeast(target.serverVersion, 8, 0, 22)) return ['SHOW REPLICA STATUS', 'SHOW SLAVE STATUS'];
  return ['SHOW SLAVE STATUS', 'SHOW REPLICA STATUS'];
}

function pick(row: readonly (string | null)[], index: Map<string, number>, ...names: string[]): string {
  for (const n of names) {
    const i = index.get(n);
    if (i !== undefined && row[i]) return row[i] ?? '';
  }
  return '';
}

/**
 * Maps replica status rows to metrics (pure). Every numeric column becomes
 * mysql_slave_status_<lower(column)>; Replica_... / Source_... columns are additionally exported
 * under their Slave_... / Master_... names, which the mysqld-mixin's alerts and recording rules query.
 */
export function writeSlaveStatus(result: QueryResult, out: MetricSink): void {
  const lower = result.columns.map((c) => c.toLowerCase());
  const index = new Map(lower.map((c, i) => [c, i] as const));
  for (const row of result.rows) {
    const labels = {
      master_host: pick(row, index, 'master_host', 'source_host'),
      master_uuid: pick(row, index, 'master_uuid', 'source_uuid'),
      channel_name: pick(row, index, 'channel_name'),
      connection_name: pick(row, index, 'connection_name'),
    };
    result.columns.forEach((column, i) => {
      const key = lower[i];
      const raw = row[i];
      if (GTID_COLUMNS.has(key)) {
        writeGtid(out, key, raw, labels);
        return;
      }
      const value = parseStatus(raw);
      if (value === undefined) return;
      out.untyped(`mysql_slave_status_${key}`, HELP, value, labels);
      const legacy = legacyReplicaColumn(column)?.toLowerCase();
      if (legacy && !index.has(legacy)) out.untyped(`mysql_slave_status_${legacy}`, HELP, value, labels);
    });
  }
}

/** MariaDB GTID positions `domain-server-seq[,...]`: one series per domain, value = sequence. */
function writeGtid(out: MetricSink, key: string, raw: string | null, labels: Record<string, string>): void {
  if (!raw) return;
  for (const part of raw.split(',')) {
    const m = /^\s*(\d+)-(\d+)-(\d+)\s*$/.exec(part);
    if (!m) continue;
    out.gauge(`mysql_slave_status_${key}`, 'MariaDB GTID position: sequence number per replication domain.', Number(m[3]), {
      ...labels,
      domain_id: m[1],
      server_id: m[2],
    });
  }
}

export const slaveStatusCollector = defineMysqlCollector({
  name: 'slave_status',
  help: 'Collect from SHOW SLAVE STATUS',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    let lastError: unknown;
    for (const sql of replicaStatusStatements(target)) {
      try {
        writeSlaveStatus(await target.query(sql, signal), out);
        return;
      } catch (err) {
        // Only a syntax error means "this server speaks the other dialect"; anything else
        // (missing REPLICATION CLIENT grant, deadline) is a real failure.
        if (!(err instanceof QueryError) || err.errno !== ER_PARSE_ERROR) throw err;
        lastError = err;
      }
    }
    throw lastError;
  },
});
