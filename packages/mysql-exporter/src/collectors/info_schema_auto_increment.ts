import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

// The largest value of each integer type: 2^(bits-1)-1, doubled (plus one) when unsigned.
export const AUTO_INCREMENT_QUERY =
  'SELECT c.table_schema AS table_schema, c.table_name AS table_name, c.column_name AS column_name, t.auto_increment AS auto_increment, ' +
  "POW(2, CASE c.data_type WHEN 'tinyint' THEN 7 WHEN 'smallint' THEN 15 WHEN 'mediumint' THEN 23 WHEN 'int' THEN 31 WHEN 'bigint' THEN 63 END " +
  "+ (c.column_type LIKE '% unsigned')) - 1 AS max_int " +
  'FROM information_schema.columns c STRAIGHT_JOIN information_schema.tables t ' +
  'ON (BINARY c.table_schema = t.table_schema AND BINARY c.table_name = t.table_name) ' +
  "WHERE c.extra = 'auto_increment' AND t.auto_increment IS NOT NULL";

export function writeAutoIncrement(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { schema: r.table_schema ?? '', table: r.table_name ?? '', column: r.column_name ?? '' };
    out.gauge('mysql_info_schema_auto_increment_column', 'Next AUTO_INCREMENT value of the column.', num(r.auto_increment) ?? 0, labels);
    out.gauge('mysql_info_schema_auto_increment_column_max', 'Largest value the column\'s type can hold.', num(r.max_int) ?? 0, labels);
  }
}

export const autoIncrementCollector = defineMysqlCollector({
  name: 'auto_increment.columns',
  help: 'Collect auto_increment columns and max values from information_schema',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeAutoIncrement(await target.query(AUTO_INCREMENT_QUERY, signal), out);
  },
});
