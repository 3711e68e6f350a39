import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, versionAtLeast, type CollectorSettings, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
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

/** [column, metric suffix, divisor] of the per-digest counters. */
const COUNTERS: ReadonlyArray<readonly [string, string, number]> = [
  ['count_star', 'total', 1],
  ['sum_timer_wait', 'seconds_total', PICOSECONDS],
  ['sum_lock_time', 'lock_time_seconds_total', PICOSECONDS],
  ['sum_cpu_time', 'cpu_time_seconds_total', PICOSECONDS],
  ['sum_errors', 'errors_total', 1],
  ['sum_warnings', 'warnings_total', 1],
  ['sum_rows_affected', 'rows_affected_total', 1],
  ['sum_rows_sent', 'rows_sent_total', 1],
  ['sum_rows_examined', 'rows_examined_total', 1],
  ['sum_created_tmp_tables', 'tmp_tables_total', 1],
  ['sum_created_tmp_disk_tables', 'tmp_disk_tables_total', 1],
  ['sum_sort_merge_passes', 'sort_merge_passes_total', 1],
  ['sum_sort_rows', 'sort_rows_total', 1],
  ['sum_no_index_used', 'no_index_used_total', 1],
];

/**
 * Per-digest counters plus the latency summary. Columns the server lacks (CPU time, quantiles
 * before MySQL 8.0.28 and on MariaDB) are 0, as in mysqld_exporter; the quantile labels are
 * mysqld_exporter's "95", "99", "999".
 */
export function writeEventsStatements(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { schema: r.schema_name ?? 'NONE', digest: r.digest ?? '', digest_text: r.digest_text ?? '' };
    for (const [column, suffix, divisor] of COUNTERS) {
      out.counter(P + suffix, `Statements by digest: ${column.toUpperCase()} of events_statements_summary_by_digest.`, (num(r[column]) ?? 0) / divisor, labels);
    }
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
