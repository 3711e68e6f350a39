import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import { num, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector, requireUserstat } from './define.js';

/**
 * information_schema.user_statistics and client_statistics share their columns. Known columns get
 * mysqld_exporter's suffix and type; columns we do not know (newer servers) become untyped series
 * named after the lower-cased column.
 */
const KNOWN: Readonly<Record<string, readonly [suffix: string, type: 'counter' | 'gauge']>> = {
  TOTAL_CONNECTIONS: ['total_connections', 'counter'],
  CONCURRENT_CONNECTIONS: ['concurrent_connections', 'gauge'],
  CONNECTED_TIME: ['connected_time_seconds_total', 'counter'],
  BUSY_TIME: ['busy_seconds_total', 'counter'],
  CPU_TIME: ['cpu_time_seconds_total', 'counter'],
  BYTES_RECEIVED: ['bytes_received_total', 'counter'],
  BYTES_SENT: ['bytes_sent_total', 'counter'],
  BINLOG_BYTES_WRITTEN: ['binlog_bytes_written_total', 'counter'],
  ROWS_READ: ['rows_read_total', 'counter'],
  ROWS_SENT: ['rows_sent_total', 'counter'],
  ROWS_DELETED: ['rows_deleted_total', 'counter'],
  ROWS_INSERTED: ['rows_inserted_total', 'counter'],
  ROWS_FETCHED: ['rows_fetched_total', 'counter'],
  ROWS_UPDATED: ['rows_updated_total', 'counter'],
  TABLE_ROWS_READ: ['table_rows_read_total', 'counter'],
  SELECT_COMMANDS: ['select_commands_total', 'counter'],
  UPDATE_COMMANDS: ['update_commands_total', 'counter'],
  OTHER_COMMANDS: ['other_commands_total', 'counter'],
  COMMIT_TRANSACTIONS: ['commit_transactions_total', 'counter'],
  ROLLBACK_TRANSACTIONS: ['rollback_transactions_total', 'counter'],
  DENIED_CONNECTIONS: ['denied_connections_total', 'counter'],
  LOST_CONNECTIONS: ['lost_connections_total', 'counter'],
  ACCESS_DENIED: ['access_denied_total', 'counter'],
  EMPTY_QUERIES: ['empty_queries_total', 'counter'],
  TOTAL_SSL_CONNECTIONS: ['total_ssl_connections_total', 'counter'],
  MAX_STATEMENT_TIME_EXCEEDED: ['max_statement_time_exceeded_total', 'counter'],
};

export interface StatsTable {
  /** 'user_statistics' | 'client_statistics' */
  readonly table: string;
  /** The label carrying column 0: 'user' | 'client'. */
  readonly label: string;
  /** Columns this table does not map (user_statistics has no MAX_STATEMENT_TIME_EXCEEDED mapping upstream). */
  readonly unmapped?: ReadonlySet<string>;
}

/** Maps `SELECT * FROM information_schema.<table>` rows (column 0 = the user or client). */
export function writeUserClientStats(spec: StatsTable, result: QueryResult, out: MetricSink): void {
  const prefix = `mysql_info_schema_${spec.table}_`;
  for (const row of result.rows) {
    const labels = { [spec.label]: row[0] ?? '' };
    for (let i = 1; i < result.columns.length; i++) {
      const column = result.columns[i].toUpperCase();
      const value = num(row[i]) ?? 0;
      const known = spec.unmapped?.has(column) ? undefined : KNOWN[column];
      if (!known) {
        out.untyped(prefix + column.toLowerCase(), `Column ${column} of information_schema.${spec.table}.`, value, labels);
      } else if (known[1] === 'gauge') {
        out.gauge(prefix + known[0], `Column ${column} of information_schema.${spec.table}.`, value, labels);
      } else {
        out.counter(prefix + known[0], `Column ${column} of information_schema.${spec.table}.`, value, labels);
      }
    }
  }
}

/** A collector over one of the two tables, gated on userstat like mysqld_exporter's scrapers. */
export function statsTableCollector(name: string, help: string, spec: StatsTable): Collector<MysqlTarget> {
  return defineMysqlCollector({
    name,
    help,
    defaultEnabled: false,
    async scrape({ target, out, signal }) {
      await requireUserstat(target, signal);
      writeUserClientStats(spec, await target.query(`SELECT * FROM information_schema.${spec.table}`, signal), out);
    },
  });
}
