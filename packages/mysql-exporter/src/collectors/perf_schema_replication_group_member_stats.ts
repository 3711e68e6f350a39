import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema57 } from './perf_schema_common.js';

/** Group Replication member counters: [column, metric, type]. */
const COLUMNS: ReadonlyArray<readonly [string, string, 'counter' | 'gauge']> = [
  ['COUNT_TRANSACTIONS_IN_QUEUE', 'mysql_perf_schema_transactions_in_queue', 'gauge'],
  ['COUNT_TRANSACTIONS_CHECKED', 'mysql_perf_schema_transactions_checked_total', 'counter'],
  ['COUNT_CONFLICTS_DETECTED', 'mysql_perf_schema_conflicts_detected_total', 'counter'],
  ['COUNT_TRANSACTIONS_ROWS_VALIDATING', 'mysql_perf_schema_transactions_rows_validating_total', 'counter'],
  ['COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE', 'mysql_perf_schema_transactions_remote_in_applier_queue', 'gauge'],
  ['COUNT_TRANSACTIONS_REMOTE_APPLIED', 'mysql_perf_schema_transactions_remote_applied_total', 'counter'],
  ['COUNT_TRANSACTIONS_LOCAL_PROPOSED', 'mysql_perf_schema_transactions_local_proposed_total', 'counter'],
  ['COUNT_TRANSACTIONS_LOCAL_ROLLBACK', 'mysql_perf_schema_transactions_local_rollback_total', 'counter'],
];

export function writeGroupMemberStats(result: QueryResult, out: MetricSink): void {
  const index = new Map(result.columns.map((c, i) => [c.toUpperCase(), i] as const));
  for (const row of result.rows) {
    for (const [column, metric, type] of COLUMNS) {
      const i = index.get(column);
      const v = i === undefined ? undefined : num(row[i]);
      if (v === undefined) continue; // older 5.7 releases lack the later columns
      const help = `Group Replication: ${column} of this member.`;
      if (type === 'counter') out.counter(metric, help, v);
      else out.gauge(metric, help, v);
    }
  }
}

export const groupMemberStatsCollector = defineMysqlCollector({
  name: 'perf_schema.replication_group_member_stats',
  help: 'Collect metrics from performance_schema.replication_group_member_stats',
  defaultEnabled: false,
  supports: (t) => !t.isMariaDB && hasPerfSchema57(t),
  async scrape({ target, out, signal }) {
    writeGroupMemberStats(await target.query('SELECT * FROM performance_schema.replication_group_member_stats WHERE MEMBER_ID = @@server_uuid', signal), out);
  },
});
