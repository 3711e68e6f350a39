import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema56, PICOSECONDS } from './perf_schema_common.js';

const SQL_LOCKS = [
  'read_normal', 'read_with_shared_locks', 'read_high_priority', 'read_no_insert',
  'write_normal', 'write_allow_write', 'write_concurrent_insert', 'write_low_priority',
] as const;
const EXTERNAL_LOCKS = ['read', 'write'] as const;

export const TABLE_LOCKS_QUERY =
  'SELECT OBJECT_SCHEMA, OBJECT_NAME, ' +
  [...SQL_LOCKS.map((l) => `COUNT_${l.toUpperCase()}`), ...EXTERNAL_LOCKS.map((l) => `COUNT_${l.toUpperCase()}_EXTERNAL`)].join(', ') + ', ' +
  [...SQL_LOCKS.map((l) => `SUM_TIMER_${l.toUpperCase()}`), ...EXTERNAL_LOCKS.map((l) => `SUM_TIMER_${l.toUpperCase()}_EXTERNAL`)].join(', ') +
  " FROM performance_schema.table_lock_waits_summary_by_table WHERE OBJECT_SCHEMA NOT IN ('mysql', 'performance_schema', 'information_schema')";

export function writeTableLocks(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const base = { schema: r.object_schema ?? '', name: r.object_name ?? '' };
    for (const op of SQL_LOCKS) {
      const labels = { ...base, operation: op };
      out.counter('mysql_perf_schema_sql_lock_waits_total', 'SQL-level table lock wait events, by lock type.', num(r[`count_${op}`]) ?? 0, labels);
      out.counter('mysql_perf_schema_sql_lock_waits_seconds_total', 'Time waited on SQL-level table locks, by lock type.', (num(r[`sum_timer_${op}`]) ?? 0) / PICOSECONDS, labels);
    }
    for (const op of EXTERNAL_LOCKS) {
      const labels = { ...base, operation: op };
      out.counter('mysql_perf_schema_external_lock_waits_total', 'Storage-engine (external) lock wait events, by lock type.', num(r[`count_${op}_external`]) ?? 0, labels);
      out.counter('mysql_perf_schema_external_lock_waits_seconds_total', 'Time waited on storage-engine (external) locks, by lock type.', (num(r[`sum_timer_${op}_external`]) ?? 0) / PICOSECONDS, labels);
    }
  }
}

export const tableLocksCollector = defineMysqlCollector({
  name: 'perf_schema.tablelocks',
  help: 'Collect metrics from performance_schema.table_lock_waits_summary_by_table',
  defaultEnabled: false,
  supports: hasPerfSchema56,
  async scrape({ target, out, signal }) {
    writeTableLocks(await target.query(TABLE_LOCKS_QUERY, signal), out);
  },
});
