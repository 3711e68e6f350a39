import type { HistogramValue, MetricSink } from '@scrapekit/exporter-kit';
import { num, QueryError, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

/**
 * QUERY_RESPONSE_TIME rows (TIME, COUNT, TOTAL) as a cumulative histogram. The `TOO LONG` row
 * has no numeric bound: it counts in `_count` (and +Inf) but not in any finite bucket.
 */
export function queryResponseTimeHistogram(result: QueryResult): HistogramValue {
  const buckets: Array<[number, number]> = [];
  let count = 0;
  let sum = 0;
  for (const row of result.rows) {
    const n = num(row[1]) ?? 0;
    sum += num(row[2]) ?? 0;
    count += n;
    const le = num(row[0]);
    if (le !== undefined) buckets.push([le, count]);
  }
  return { buckets, sum, count };
}

const TABLES: ReadonlyArray<readonly [table: string, metric: string, required: boolean]> = [
  ['QUERY_RESPONSE_TIME', 'mysql_info_schema_query_response_time_seconds', true],
  ['QUERY_RESPONSE_TIME_READ', 'mysql_info_schema_read_query_response_time_seconds', false],
  ['QUERY_RESPONSE_TIME_WRITE', 'mysql_info_schema_write_query_response_time_seconds', false],
];

export function writeQueryResponseTime(metric: string, result: QueryResult, out: MetricSink): void {
  out.histogram(metric, 'Query response time distribution (Percona/MariaDB QUERY_RESPONSE_TIME plugin).', queryResponseTimeHistogram(result));
}

export const queryResponseTimeCollector = defineMysqlCollector({
  name: 'info_schema.query_response_time',
  help: 'Collect query response time distribution if query_response_time_stats is ON.',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    let enabled: QueryResult;
    try {
      enabled = await target.query('SELECT @@query_response_time_stats', signal);
    } catch (err) {
      // The plugin is not installed (Oracle MySQL never has it): nothing to report, not a failure.
      if (err instanceof QueryError) return;
      throw err;
    }
    const on = enabled.rows[0]?.[0];
    if (on === null || on === undefined || on === '0' || on.toUpperCase() === 'OFF') return;
    for (const [table, metric, required] of TABLES) {
      try {
        const rows = await target.query(`SELECT TIME, COUNT, TOTAL FROM INFORMATION_SCHEMA.${table}`, signal);
        writeQueryResponseTime(metric, rows, out);
      } catch (err) {
        // The READ/WRITE split exists only on Percona Server 5.6/5.7.
        if (required || !(err instanceof QueryError)) throw err;
      }
    }
  },
});
