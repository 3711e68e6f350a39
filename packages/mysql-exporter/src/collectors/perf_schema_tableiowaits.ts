import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema56, PICOSECONDS } from './perf_schema_common.js';

export const TABLE_IO_WAITS_QUERY =
  'SELECT OBJECT_SCHEMA, OBJECT_NAME, COUNT_FETCH, COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE, ' +
  'SUM_TIMER_FETCH, SUM_TIMER_INSERT, SUM_TIMER_UPDATE, SUM_TIMER_DELETE ' +
  "FROM performance_schema.table_io_waits_summary_by_table WHERE OBJECT_SCHEMA NOT IN ('mysql', 'performance_schema')";

const OPERATIONS = ['fetch', 'insert', 'update', 'delete'] as const;

export function writeTableIoWaits(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    for (const op of OPERATIONS) {
      const labels = { schema: r.object_schema ?? '', name: r.object_name ?? '', operation: op };
      out.counter('mysql_perf_schema_table_io_waits_total', 'Table I/O wait events, by operation.', num(r[`count_${op}`]) ?? 0, labels);
      out.counter('mysql_perf_schema_table_io_waits_seconds_total', 'Time waited on table I/O, by operation.', (num(r[`sum_timer_${op}`]) ?? 0) / PICOSECONDS, labels);
    }
  }
}

export const tableIoWaitsCollector = defineMysqlCollector({
  name: 'perf_schema.tableiowaits',
  help: 'Collect metrics from performance_schema.table_io_waits_summary_by_table',
  defaultEnabled: false,
  supports: hasPerfSchema56,
  async scrape({ target, out, signal }) {
    writeTableIoWaits(await target.query(TABLE_IO_WAITS_QUERY, signal), out);
  },
});
