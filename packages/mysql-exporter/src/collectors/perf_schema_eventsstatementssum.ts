import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema57, PICOSECONDS } from './perf_schema_common.js';

/** [column of events_statements_summary_by_digest, metric suffix, divisor]. */
const COLUMNS: ReadonlyArray<readonly [string, string, number]> = [
  ['COUNT_STAR', 'total', 1],
  ['SUM_CREATED_TMP_DISK_TABLES', 'sum_created_tmp_disk_tables', 1],
  ['SUM_CREATED_TMP_TABLES', 'sum_created_tmp_tables', 1],
  ['SUM_ERRORS', 'sum_errors', 1],
  // Kept in raw picoseconds: that is what mysqld_exporter exports under this name.
  ['SUM_LOCK_TIME', 'sum_lock_time', 1],
  ['SUM_NO_GOOD_INDEX_USED', 'sum_no_good_index_used', 1],
  ['SUM_NO_INDEX_USED', 'sum_no_index_used', 1],
  ['SUM_ROWS_AFFECTED', 'sum_rows_affected', 1],
  ['SUM_ROWS_EXAMINED', 'sum_rows_examined', 1],
  ['SUM_ROWS_SENT', 'sum_rows_sent', 1],
  ['SUM_SELECT_FULL_JOIN', 'sum_select_full_join', 1],
  ['SUM_SELECT_FULL_RANGE_JOIN', 'sum_select_full_range_join', 1],
  ['SUM_SELECT_RANGE', 'sum_select_range', 1],
  ['SUM_SELECT_RANGE_CHECK', 'sum_select_range_check', 1],
  ['SUM_SELECT_SCAN', 'sum_select_scan', 1],
  ['SUM_SORT_MERGE_PASSES', 'sum_sort_merge_passes', 1],
  ['SUM_SORT_RANGE', 'sum_sort_range', 1],
  ['SUM_SORT_ROWS', 'sum_sort_rows', 1],
  ['SUM_SORT_SCAN', 'sum_sort_scan', 1],
  ['SUM_TIMER_WAIT', 'sum_timer_wait', PICOSECONDS],
  ['SUM_WARNINGS', 'sum_warnings', 1],
];

export const EVENTS_STATEMENTS_SUM_QUERY =
  `SELECT ${COLUMNS.map(([c]) => `SUM(${c}) AS ${c}`).join(', ')} FROM performance_schema.events_statements_summary_by_digest`;

export function writeEventsStatementsSum(result: QueryResult, out: MetricSink): void {
  const row = result.rows[0];
  if (!row) return;
  const index = new Map(result.columns.map((c, i) => [c.toUpperCase(), i] as const));
  for (const [column, suffix, divisor] of COLUMNS) {
    const i = index.get(column);
    const v = i === undefined ? undefined : num(row[i]);
    out.counter(`mysql_perf_schema_events_statements_${suffix}`, `Sum of ${column} over all statement digests.`, (v ?? 0) / divisor);
  }
}

export const eventsStatementsSumCollector = defineMysqlCollector({
  name: 'perf_schema.eventsstatementssum',
  help: 'Collect metrics of grand sums from performance_schema.events_statements_summary_by_digest',
  defaultEnabled: false,
  supports: hasPerfSchema57,
  async scrape({ target, out, signal }) {
    writeEventsStatementsSum(await target.query(EVENTS_STATEMENTS_SUM_QUERY, signal), out);
  },
});
