import { GLOBAL_STATUS_GENERIC_HELP, mapGlobalStatus, parseEvsReplLatency, parseStatus, validPrometheusName } from '../naming.js';
import type { MetricSink } from '@scrapekit/exporter-kit';
import type { QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

const GALERA_TEXT = ['wsrep_local_state_uuid', 'wsrep_cluster_state_uuid', 'wsrep_provider_version', 'wsrep_evs_repl_latency'] as const;

/** Maps the rows of SHOW GLOBAL STATUS to metrics (pure: tested on recorded result sets). */
export function writeGlobalStatus(result: QueryResult, out: MetricSink): void {
  const text: Record<string, string> = {};
  for (const row of result.rows) {
    const name = row[0] ?? '';
    const raw = row[1];
    const value = parseStatus(raw);
    if (value === undefined) {
      if ((GALERA_TEXT as readonly string[]).includes(name) && raw) text[name] = raw;
      continue;
    }
    const mapping = mapGlobalStatus(validPrometheusName(name));
    if (mapping.kind === 'drop') continue;
    if (mapping.kind === 'generic') {
      out.untyped(mapping.name, GLOBAL_STATUS_GENERIC_HELP, value);
    } else if (mapping.type === 'counter') {
      out.counter(mapping.name, mapping.help, value, mapping.labels);
    } else {
      out.gauge(mapping.name, mapping.help, value, mapping.labels);
    }
  }
  if (text.wsrep_local_state_uuid) {
    out.gauge('mysql_galera_status_info', 'Galera cluster identity (value 1).', 1, {
      wsrep_local_state_uuid: text.wsrep_local_state_uuid,
      wsrep_cluster_state_uuid: text.wsrep_cluster_state_uuid ?? '',
      wsrep_provider_version: text.wsrep_provider_version ?? '',
    });
  }
  const latency = text.wsrep_evs_repl_latency ? parseEvsReplLatency(text.wsrep_evs_repl_latency) : undefined;
  if (latency) {
    out.gauge('mysql_galera_evs_repl_latency_min_seconds', 'Galera replication latency, minimum.', latency.min);
    out.gauge('mysql_galera_evs_repl_latency_avg_seconds', 'Galera replication latency, average.', latency.avg);
    out.gauge('mysql_galera_evs_repl_latency_max_seconds', 'Galera replication latency, maximum.', latency.max);
    out.gauge('mysql_galera_evs_repl_latency_stdev', 'Galera replication latency, standard deviation.', latency.stdev);
    out.gauge('mysql_galera_evs_repl_latency_sample_size', 'Galera replication latency, number of samples.', latency.sampleSize);
  }
}

export const globalStatusCollector = defineMysqlCollector({
  name: 'global_status',
  help: 'Collect from SHOW GLOBAL STATUS',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    // Alone, so that Threads_running counts one exporter query, as mysqld_exporter's does.
    writeGlobalStatus(await target.query('SHOW GLOBAL STATUS', signal, { alone: true }), out);
  },
});
