import type { MetricSink } from '@scrapekit/exporter-kit';
import { records, type QueryResult } from '../target.js';
import { writeColumns, type ColumnMetric } from './columns.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema57, PICOSECONDS } from './perf_schema_common.js';

const P = 'mysql_perf_schema_events_statements_';

/** Sums over events_statements_summary_by_digest. */
const COLUMNS: readonly ColumnMetric[] = [
  ['count_star', P + 'total', 'counter', 1],
  ['sum_created_tmp_disk_tables', P + 'sum_created_tmp_disk_tables', 'counter', 1],
  ['sum_created_tmp_tables', P + 'sum_created_tmp_tables', 'counter', 1],
  ['sum_errors', P + 'sum_errors', 'counter', 1],
  // Kept in raw picoseconds: that is what mysqld_exporter exports under this name.
  ['sum_lock_time', P + 'sum_lock_time', 'counter', 1],
  ['sum_no_good_index_used', P + 'sum_no_good_index_used', 'counter', 1],
  ['sum_no_index_used', P + 'sum_no_index_used', 'counter', 1],
  ['sum_rows_affected', P + 'sum_rows_affected', 'counter', 1],
  ['sum_rows_examined', P + 'sum_rows_examined', 'counter', 1],
  ['sum_rows_sent', P + 'sum_rows_sent', 'counter', 1],
  ['sum_select_full_join', P + 'sum_select_full_join', 'counter', 1],
  ['sum_select_full_range_join', P + 'sum_select_full_range_join', 'counter', 1],
  ['sum_select_range', P + 'sum_select_range', 'counter', 1],
  ['sum_select_range_check', P + 'sum_select_range_check', 'counter', 1],
  ['sum_select_scan', P + 'sum_select_scan', 'counter', 1],
  ['sum_sort_merge_passes', P + 'sum_sort_merge_passes', 'counter', 1],
  ['sum_sort_range', P + 'sum_sort_range', 'counter', 1],
  ['sum_sort_rows', P + 'sum_sort_rows', 'counter', 1],
  ['sum_sort_scan', P + 'sum_sort_scan', 'counter', 1],
  ['sum_timer_wait', P + 'sum_timer_wait', 'counter', PICOSECONDS],
  ['sum_warnings', P + 'sum_warnings', 'counter', 1],
];

export const EVENTS_STATEMENTS_SUM_QUERY =
  `SELECT ${COLUMNS.map(([c]) => `SUM(${c.toUpperCase()}) AS ${c.toUpperCase()}`).join(', ')} FROM performance_schema.events_statements_summary_by_digest`;

export function writeEventsStatementsSum(result: QueryResult, out: MetricSink): void {
  const [r] = records(result);
  // SUM over no rows is NULL: performance_schema is off or empty, so there is nothing to report.
  if (!r || r.count_star === null || r.count_star === undefined) return;
  writeColumns(out, COLUMNS, (c) => r[c], {}, (c) => `Sum of ${c.toUpperCase()} over all statement digests.`);
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
