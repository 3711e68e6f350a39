import type { MetricSink } from '@scrapekit/exporter-kit';
import { parseGcacheSize, parseStatus, validPrometheusName } from '../naming.js';
import type { QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

const TEXT_ITEMS = new Set([
  'innodb_version', 'version', 'version_comment', 'wsrep_cluster_name', 'wsrep_provider_options', 'tx_isolation', 'transaction_isolation',
]);

export const GLOBAL_VARIABLES_HELP = 'Generic gauge from SHOW GLOBAL VARIABLES.';

/** Maps the rows of SHOW GLOBAL VARIABLES to metrics (pure). */
export function writeGlobalVariables(result: QueryResult, out: MetricSink): void {
  const text: Record<string, string> = {};
  for (const row of result.rows) {
    const name = row[0] ?? '';
    const raw = row[1];
    if (TEXT_ITEMS.has(name)) text[name] = raw ?? '';
    const value = parseStatus(raw);
    if (value === undefined) continue;
    out.gauge(`mysql_global_variables_${validPrometheusName(name)}`, GLOBAL_VARIABLES_HELP, value);
  }
  out.gauge('mysql_version_info', 'Server version and distribution (value 1).', 1, {
    innodb_version: text.innodb_version ?? '',
    version: text.version ?? '',
    version_comment: text.version_comment ?? '',
  });
  if (text.wsrep_cluster_name) {
    out.gauge('mysql_galera_variables_info', 'Galera cluster name (value 1).', 1, { wsrep_cluster_name: text.wsrep_cluster_name });
  }
  if (text.wsrep_provider_options) {
    out.gauge('mysql_galera_gcache_size_bytes', 'Galera gcache size from wsrep_provider_options.', parseGcacheSize(text.wsrep_provider_options));
  }
  const level = text.transaction_isolation || text.tx_isolation;
  if (level) {
    out.gauge('mysql_transaction_isolation', 'Default transaction isolation level of the server (value 1).', 1, { level });
  }
}

export const globalVariablesCollector = defineMysqlCollector({
  name: 'global_variables',
  help: 'Collect from SHOW GLOBAL VARIABLES',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    writeGlobalVariables(await target.query('SHOW GLOBAL VARIABLES', signal), out);
  },
});
