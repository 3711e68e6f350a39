import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, versionAtLeast, type CollectorSettings, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { writeColumns, type ColumnMetric } from './columns.js';
import { hasPerfSchema56, PICOSECONDS } from './perf_schema_common.js';

/** SUM_CPU_TIME and the QUANTILE_* columns exist only in Oracle MySQL 8.0.28+ (issue #905). */
export function hasStatementQuantiles(t: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): boolean {
  return !t.isMariaDB && versionAtLeast(t.serverVersion, 8, 0, 28);
}

const int = (n: number, min: number): number => Math.max(min, Math.floor(Number.isFinite(n) ? n : min));

export function eventsStatementsQuery(settings: CollectorSettings, quantiles: boolean): string {
  const extra = quantiles ? ', SUM_CPU_TIME, QUANTILE_95, QUANTILE_99, QUANTILE_999' : '';
  return (
    `SELECT IFNULL(SCHEMA_NAME, 'NONE') AS SCHEMA_NAME, DIGEST, LEFT(DIGEST_TEXT, ${int(settings.eventsStatementsDigestTextLimit, 1)}) AS DIGEST_TEXT, ` +
    'COUNT_STAR, SUM_TIMER_WAIT, SUM_LOCK_TIME, SUM_ERRORS, SUM_WARNINGS, SUM_ROWS_AFFECTED, SUM_ROWS_SENT, SUM_ROWS_EXAMINED, ' +
    `SUM_CREATED_TMP_DISK_TABLES, SUM_CREATED_TMP_TABLES, SUM_SORT_MERGE_PASSES, SUM_SORT_ROWS, SUM_NO_INDEX_USED${extra} ` +
    "FROM performance_schema.events_statements_summary_by_digest WHERE SCHEMA_NAME NOT IN ('mysql', 'performance_schema', 'information_schema') " +
    `AND LAST_SEEN > DATE_SUB(NOW(), INTERVAL ${int(settings.eventsStatementsTimeLimit, 0)} SECOND) ` +
    `ORDER BY SUM_TIMER_WAIT DESC LIMIT ${int(settings.eventsStatementsLimit, 1)}`
  );
}

const P = 'mysql_perf_schema_events_statements_';

/** The per-digest counters. */
const COUNTERS: readonly ColumnMetric[] = [
  ['count_star', P + 'total', 'counter', 1],
  ['sum_timer_wait', P + 'seconds_total', 'counter', PICOSECONDS],
  ['sum_lock_time', P + 'lock_time_seconds_total', 'counter', PICOSECONDS],
  ['sum_cpu_time', P + 'cpu_time_seconds_total', 'counter', PICOSECONDS],
  ['sum_errors', P + 'errors_total', 'counter', 1],
  ['sum_warnings', P + 'warnings_total', 'counter', 1],
  ['sum_rows_affected', P + 'rows_affected_total', 'counter', 1],
  ['sum_rows_sent', P + 'rows_sent_total', 'counter', 1],
  ['sum_rows_examined', P + 'rows_examined_total', 'counter', 1],
  ['sum_created_tmp_tables', P + 'tmp_tables_total', 'counter', 1],
  ['sum_created_tmp_disk_tables', P + 'tmp_disk_tables_total', 'counter', 1],
  ['sum_sort_merge_passes', P + 'sort_merge_passes_total', 'counter', 1],
  ['sum_sort_rows', P + 'sort_rows_total', 'counter', 1],
  ['sum_no_index_used', P + 'no_index_used_total', 'counter', 1],
];

/**
 * Per-digest counters plus the latency summary. Columns the server lacks (CPU time, quantiles
 * before MySQL 8.0.28 and on MariaDB) are 0, as in mysqld_exporter; the quantile labels are
 * mysqld_exporter's "95", "99", "999".
 */
export function writeEventsStatements(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { schema: r.schema_name ?? 'NONE', digest: r.digest ?? '', digest_text: r.digest_text ?? '' };
    writeColumns(out, COUNTERS, (c) => r[c], labels, (c) => `Statements by digest: ${c.toUpperCase()} of events_statements_summary_by_digest.`);
    out.summary(P + 'latency', 'Statement latency by digest, in seconds.', {
      quantiles: [
        [95, (num(r.quantile_95) ?? 0) / PICOSECONDS],
        [99, (num(r.quantile_99) ?? 0) / PICOSECONDS],
        [999, (num(r.quantile_999) ?? 0) / PICOSECONDS],
      ],
      sum: (num(r.sum_timer_wait) ?? 0) / PICOSECONDS,
      count: num(r.count_star) ?? 0,
    }, labels);
  }
}

export const eventsStatementsCollector = defineMysqlCollector({
  name: 'perf_schema.eventsstatements',
  help: 'Collect metrics from performance_schema.events_statements_summary_by_digest',
  defaultEnabled: false,
  supports: hasPerfSchema56,
  async scrape({ target, out, signal }) {
    writeEventsStatements(await target.query(eventsStatementsQuery(target.settings, hasStatementQuantiles(target)), signal), out);
  },
});
