import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector, requireUserstat } from './define.js';

export const TABLESTATS_QUERY =
  'SELECT TABLE_SCHEMA, TABLE_NAME, ROWS_READ, ROWS_CHANGED, ROWS_CHANGED_X_INDEXES FROM information_schema.table_statistics';

/** The three userstat row counters, shared by the table and schema statistics. */
export function writeRowCounters(prefix: string, what: string, r: Record<string, string | null>, labels: Record<string, string>, out: MetricSink): void {
  out.counter(`${prefix}rows_read_total`, `Rows read from the ${what}.`, num(r.rows_read) ?? 0, labels);
  out.counter(`${prefix}rows_changed_total`, `Rows changed in the ${what}.`, num(r.rows_changed) ?? 0, labels);
  out.counter(`${prefix}rows_changed_x_indexes_total`, `Rows changed in the ${what}, times the indexes changed.`, num(r.rows_changed_x_indexes) ?? 0, labels);
}

export function writeTableStats(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    writeRowCounters('mysql_info_schema_table_statistics_', 'table', r, { schema: r.table_schema ?? '', table: r.table_name ?? '' }, out);
  }
}

export const tableStatsCollector = defineMysqlCollector({
  name: 'info_schema.tablestats',
  help: 'If running with userstat=1, set to true to collect table statistics',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    await requireUserstat(target, signal);
    writeTableStats(await target.query(TABLESTATS_QUERY, signal), out);
  },
});
