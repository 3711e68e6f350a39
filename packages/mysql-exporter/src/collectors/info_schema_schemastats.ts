import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector, requireUserstat } from './define.js';

export const SCHEMASTATS_QUERY =
  'SELECT TABLE_SCHEMA, SUM(ROWS_READ) AS ROWS_READ, SUM(ROWS_CHANGED) AS ROWS_CHANGED, SUM(ROWS_CHANGED_X_INDEXES) AS ROWS_CHANGED_X_INDEXES ' +
  'FROM information_schema.TABLE_STATISTICS GROUP BY TABLE_SCHEMA';

const P = 'mysql_info_schema_schema_statistics_';

export function writeSchemaStats(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { schema: r.table_schema ?? '' };
    out.counter(P + 'rows_read_total', 'Rows read from the schema\'s tables.', num(r.rows_read) ?? 0, labels);
    out.counter(P + 'rows_changed_total', 'Rows changed in the schema\'s tables.', num(r.rows_changed) ?? 0, labels);
    out.counter(P + 'rows_changed_x_indexes_total', 'Rows changed in the schema\'s tables, times the indexes changed.', num(r.rows_changed_x_indexes) ?? 0, labels);
  }
}

export const schemaStatsCollector = defineMysqlCollector({
  name: 'info_schema.schemastats',
  help: 'If running with userstat=1, set to true to collect schema statistics',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    await requireUserstat(target, signal);
    writeSchemaStats(await target.query(SCHEMASTATS_QUERY, signal), out);
  },
});
