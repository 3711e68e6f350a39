import type { MetricSink } from '@scrapekit/exporter-kit';
import { sanitizeMetricName } from '@scrapekit/exporter-kit';
import type { QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema57 } from './perf_schema_common.js';

/** One info series per group member, every column (lower-cased) as a label: the set varies by version. */
export function writeReplicationGroupMembers(result: QueryResult, out: MetricSink): void {
  const names = result.columns.map((c) => sanitizeMetricName(c.toLowerCase()));
  for (const row of result.rows) {
    const labels: Record<string, string> = {};
    names.forEach((n, i) => {
      labels[n] = row[i] ?? '';
    });
    out.gauge('mysql_perf_schema_replication_group_member_info', 'Group Replication member (value 1), its columns as labels.', 1, labels);
  }
}

export const replicationGroupMembersCollector = defineMysqlCollector({
  name: 'perf_schema.replication_group_members',
  help: 'Collect metrics from performance_schema.replication_group_members',
  defaultEnabled: false,
  supports: (t) => !t.isMariaDB && hasPerfSchema57(t),
  async scrape({ target, out, signal }) {
    writeReplicationGroupMembers(await target.query('SELECT * FROM performance_schema.replication_group_members', signal), out);
  },
});
