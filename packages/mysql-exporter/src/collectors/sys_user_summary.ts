import type { MetricSink } from '@scrapekit/exporter-kit';
import { records, versionAtLeast, type QueryResult } from '../target.js';
import { writeColumns, type ColumnMetric } from './columns.js';
import { defineMysqlCollector } from './define.js';
import { PICOSECONDS } from './perf_schema_common.js';

export const USER_SUMMARY_QUERY =
  'SELECT user, statements, statement_latency, table_scans, file_ios, file_io_latency, current_connections, total_connections, ' +
  'unique_hosts, current_memory, total_memory_allocated FROM sys.x$user_summary';

/** Latencies are picoseconds in the x$ views. */
const COLUMNS: readonly ColumnMetric[] = [
  ['statements', 'mysql_sys_statements_total', 'counter', 1],
  ['statement_latency', 'mysql_sys_statement_latency', 'counter', PICOSECONDS],
  ['table_scans', 'mysql_sys_table_scans_total', 'counter', 1],
  ['file_ios', 'mysql_sys_file_ios_total', 'counter', 1],
  ['file_io_latency', 'mysql_sys_file_io_seconds_total', 'counter', PICOSECONDS],
  ['current_connections', 'mysql_sys_current_connections', 'gauge', 1],
  ['total_connections', 'mysql_sys_connections_total', 'counter', 1],
  ['unique_hosts', 'mysql_sys_unique_hosts_total', 'counter', 1],
  ['current_memory', 'mysql_sys_current_memory_bytes', 'gauge', 1],
  ['total_memory_allocated', 'mysql_sys_memory_allocated_bytes_total', 'counter', 1],
];

export function writeUserSummary(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    writeColumns(out, COLUMNS, (c) => r[c], { user: r.user ?? '' }, (c) => `sys.user_summary ${c}, by user.`);
  }
}

export const userSummaryCollector = defineMysqlCollector({
  name: 'sys.user_summary',
  help: 'Collect per user metrics from sys.x$user_summary. See https://dev.mysql.com/doc/refman/5.7/en/sys-user-summary.html for details',
  defaultEnabled: false,
  // The sys schema ships with MySQL 5.7 and MariaDB 10.6.
  supports: (t) => versionAtLeast(t.serverVersion, t.isMariaDB ? 10 : 5, t.isMariaDB ? 6 : 7),
  async scrape({ target, out, signal }) {
    writeUserSummary(await target.query(USER_SUMMARY_QUERY, signal), out);
  },
});
