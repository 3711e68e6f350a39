import type { MetricSink } from '@scrapekit/exporter-kit';
import { records, type QueryResult } from '../target.js';
import { defineMysqlCollector, requireUserstat } from './define.js';
import { writeRowCounters } from './info_schema_tablestats.js';

export const SCHEMASTATS_QUERY =
  'SELECT TABLE_SCHEMA, SUM(ROWS_READ) AS ROWS_READ, SUM(ROWS_CHANGED) AS ROWS_CHANGED, SUM(ROWS_CHANGED_X_INDEXES) AS ROWS_CHANGED_X_INDEXES ' +
  'FROM information_schema.TABLE_STATISTICS GROUP BY TABLE_SCHEMA';

export function writeSchemaStats(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    writeRowCounters('mysql_info_schema_schema_statistics_', 'schema\'s tables', r, { schema: r.table_schema ?? '' }, out);
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
