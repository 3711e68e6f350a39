import type { MetricSink } from '@scrapekit/exporter-kit';
import { parseStatus } from '../naming.js';
import { records, versionAtLeast, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

const TIMESTAMPS = [
  'last_applied_transaction_original_commit_timestamp', 'last_applied_transaction_immediate_commit_timestamp',
  'last_applied_transaction_start_apply_timestamp', 'last_applied_transaction_end_apply_timestamp',
  'applying_transaction_original_commit_timestamp', 'applying_transaction_immediate_commit_timestamp',
  'applying_transaction_start_apply_timestamp',
] as const;

export const APPLIER_BY_WORKER_QUERY =
  `SELECT CHANNEL_NAME, WORKER_ID, ${TIMESTAMPS.map((c) => c.toUpperCase()).join(', ')} FROM performance_schema.replication_applier_status_by_worker`;

/** `2024-01-02 03:04:05.678901` (server time, read as UTC like mysqld_exporter) → seconds; zero dates → 0. */
export function applierTimestamp(text: string | null | undefined): number {
  if (!text) return 0;
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(text);
  if (!m) return 0;
  const whole = parseStatus(m[1]);
  if (whole === undefined || whole <= 0) return 0;
  return whole + (m[2] ? Number(m[2]) : 0);
}

export function writeApplierByWorker(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { channel_name: r.channel_name ?? '', member_id: r.worker_id ?? '' };
    for (const column of TIMESTAMPS) {
      out.gauge(`mysql_perf_schema_${column}_seconds`, `Replication applier worker: ${column.toUpperCase()} as Unix time.`, applierTimestamp(r[column]), labels);
    }
  }
}

export const applierByWorkerCollector = defineMysqlCollector({
  name: 'perf_schema.replication_applier_status_by_worker',
  help: 'Collect metrics from performance_schema.replication_applier_status_by_worker',
  defaultEnabled: false,
  supports: (t) => !t.isMariaDB && versionAtLeast(t.serverVersion, 8, 0),
  async scrape({ target, out, signal }) {
    writeApplierByWorker(await target.query(APPLIER_BY_WORKER_QUERY, signal), out);
  },
});
