import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, type CollectorSettings, type QueryResult } from '../target.js';
import { sqlIdent } from '../sql.js';
import { defineMysqlCollector } from './define.js';

/** pt-heartbeat's table: the stored ts, the server's own now, per source server_id. */
export function heartbeatQuery(settings: CollectorSettings): string {
  const now = settings.heartbeatUtc ? 'UTC_TIMESTAMP(6)' : 'NOW(6)';
  return `SELECT UNIX_TIMESTAMP(ts), UNIX_TIMESTAMP(${now}), server_id FROM ${sqlIdent(settings.heartbeatDatabase)}.${sqlIdent(settings.heartbeatTable)}`;
}

export function writeHeartbeat(result: QueryResult, out: MetricSink): void {
  for (const row of result.rows) {
    const labels = { server_id: row[2] ?? '' };
    out.gauge('mysql_heartbeat_stored_timestamp_seconds', 'Timestamp pt-heartbeat last stored for this source.', num(row[0]) ?? 0, labels);
    out.gauge('mysql_heartbeat_now_timestamp_seconds', 'The server\'s current time, for comparison with the stored heartbeat.', num(row[1]) ?? 0, labels);
  }
}

export const heartbeatCollector = defineMysqlCollector({
  name: 'heartbeat',
  help: 'Collect from heartbeat',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeHeartbeat(await target.query(heartbeatQuery(target.settings), signal), out);
  },
});
