import type { MetricSink } from '@scrapekit/exporter-kit';
import { records, type QueryResult } from '../target.js';
import { writeColumns, type ColumnMetric } from './columns.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema57 } from './perf_schema_common.js';

/** Group Replication member counters. */
const COLUMNS: readonly ColumnMetric[] = [
  ['count_transactions_in_queue', 'mysql_perf_schema_transactions_in_queue', 'gauge', 1],
  ['count_transactions_checked', 'mysql_perf_schema_transactions_checked_total', 'counter', 1],
  ['count_conflicts_detected', 'mysql_perf_schema_conflicts_detected_total', 'counter', 1],
  ['count_transactions_rows_validating', 'mysql_perf_schema_transactions_rows_validating_total', 'counter', 1],
  ['count_transactions_remote_in_applier_queue', 'mysql_perf_schema_transactions_remote_in_applier_queue', 'gauge', 1],
  ['count_transactions_remote_applied', 'mysql_perf_schema_transactions_remote_applied_total', 'counter', 1],
  ['count_transactions_local_proposed', 'mysql_perf_schema_transactions_local_proposed_total', 'counter', 1],
  ['count_transactions_local_rollback', 'mysql_perf_schema_transactions_local_rollback_total', 'counter', 1],
];

export function writeGroupMemberStats(result: QueryResult, out: MetricSink): void {
  // Older 5.7 releases lack the later columns: no series rather than a made-up 0.
  for (const r of records(result)) {
    writeColumns(out, COLUMNS, (c) => r[c], {}, (c) => `Group Replication: ${c.toUpperCase()} of this member.`, 'skip');
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
