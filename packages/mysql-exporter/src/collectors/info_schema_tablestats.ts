import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector, requireUserstat } from './define.js';

export const TABLESTATS_QUERY =
  'SELECT TABLE_SCHEMA, TABLE_NAME, ROWS_READ, ROWS_CHANGED, ROWS_CHANGED_X_INDEXES FROM information_schema.table_statistics';

const P = 'mysql_info_schema_table_statistics_';

export function writeTableStats(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { schema: r.table_schema ?? '', table: r.table_name ?? '' };
    out.counter(P + 'rows_read_total', 'Rows read from the table.', num(r.rows_read) ?? 0, labels);
    out.counter(P + 'rows_changed_total', 'Rows changed in the table.', num(r.rows_changed) ?? 0, labels);
    out.counter(P + 'rows_changed_x_indexes_total', 'Rows changed in the table, times the number of indexes changed.', num(r.rows_changed_x_indexes) ?? 0, labels);
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
