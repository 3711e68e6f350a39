import type { MetricSink } from '@scrapekit/exporter-kit';
import { sanitizeStateLabel } from '../naming.js';
import { num, records, type CollectorSettings, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export function processlistQuery(minTime: number): string {
  return (
    "SELECT user, SUBSTRING_INDEX(host, ':', 1) AS host, COALESCE(command, '') AS command, COALESCE(state, '') AS state, " +
    'COUNT(*) AS processes, SUM(time) AS seconds FROM information_schema.processlist ' +
    `WHERE ID != connection_id() AND TIME >= ${Math.max(0, Math.floor(minTime))} GROUP BY user, host, command, state`
  );
}

const P = 'mysql_info_schema_processlist_';

/** Aggregates the grouped processlist rows by (command, state), user and client host (pure). */
export function writeProcesslist(result: QueryResult, settings: CollectorSettings, out: MetricSink): void {
  const threads = new Map<string, { command: string; state: string; count: number; seconds: number }>();
  const byUser = new Map<string, number>();
  const byHost = new Map<string, number>();
  for (const r of records(result)) {
    const command = sanitizeStateLabel(r.command ?? '');
    const state = sanitizeStateLabel(r.state ?? '');
    const processes = num(r.processes) ?? 0;
    const seconds = num(r.seconds) ?? 0;
    const key = `${command}\u0000${state}`;
    const t = threads.get(key) ?? { command, state, count: 0, seconds: 0 };
    t.count += processes;
    t.seconds += seconds;
    threads.set(key, t);
    const user = r.user ?? '';
    byUser.set(user, (byUser.get(user) ?? 0) + processes);
    const host = r.host ? r.host : 'unknown';
    byHost.set(host, (byHost.get(host) ?? 0) + processes);
  }
  for (const t of threads.values()) {
    out.gauge(P + 'threads', 'Threads by command and state.', t.count, { command: t.command, state: t.state });
    out.gauge(P + 'seconds', 'Seconds threads have spent in their current command and state.', t.seconds, { command: t.command, state: t.state });
  }
  if (settings.processesByUser) {
    for (const [user, n] of byUser) out.gauge(P + 'processes_by_user', 'Threads by user.', n, { mysql_user: user });
  }
  if (settings.processesByHost) {
    for (const [host, n] of byHost) out.gauge(P + 'processes_by_host', 'Threads by client host.', n, { client_host: host });
  }
}

export const processlistCollector = defineMysqlCollector({
  name: 'info_schema.processlist',
  help: 'Collect current thread state counts from the information_schema.processlist',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    const result = await target.query(processlistQuery(target.settings.processlistMinTime), signal);
    writeProcesslist(result, target.settings, out);
  },
});
