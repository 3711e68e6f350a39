import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema56, PICOSECONDS } from './perf_schema_common.js';

export const INDEX_IO_WAITS_QUERY =
  "SELECT OBJECT_SCHEMA, OBJECT_NAME, IFNULL(INDEX_NAME, 'NONE') AS INDEX_NAME, COUNT_FETCH, COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE, " +
  'SUM_TIMER_FETCH, SUM_TIMER_INSERT, SUM_TIMER_UPDATE, SUM_TIMER_DELETE ' +
  "FROM performance_schema.table_io_waits_summary_by_index_usage WHERE OBJECT_SCHEMA NOT IN ('mysql', 'performance_schema')";

const OPERATIONS = ['fetch', 'insert', 'update', 'delete'] as const;

/** Inserts touch no particular index, so they are reported only on the index="NONE" row. */
export function writeIndexIoWaits(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const index = r.index_name ?? 'NONE';
    for (const op of OPERATIONS) {
      if (op === 'insert' && index !== 'NONE') continue;
      const labels = { schema: r.object_schema ?? '', name: r.object_name ?? '', index, operation: op };
      out.counter('mysql_perf_schema_index_io_waits_total', 'Index I/O wait events, by operation.', num(r[`count_${op}`]) ?? 0, labels);
      out.counter('mysql_perf_schema_index_io_waits_seconds_total', 'Time waited on index I/O, by operation.', (num(r[`sum_timer_${op}`]) ?? 0) / PICOSECONDS, labels);
    }
  }
}

export const indexIoWaitsCollector = defineMysqlCollector({
  name: 'perf_schema.indexiowaits',
  help: 'Collect metrics from performance_schema.table_io_waits_summary_by_index_usage',
  defaultEnabled: false,
  supports: hasPerfSchema56,
  async scrape({ target, out, signal }) {
    writeIndexIoWaits(await target.query(INDEX_IO_WAITS_QUERY, signal), out);
  },
});
