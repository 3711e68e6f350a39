import type { MetricSink } from '@scrapekit/exporter-kit';
import { sanitizeMetricName } from '@scrapekit/exporter-kit';
import { parseStatus } from '../naming.js';
import { ER_UNKNOWN_STORAGE_ENGINE, versionAtLeast, type QueryResult } from '../target.js';
import { defineMysqlCollector, queryOrNoData } from './define.js';

/** mysqld_exporter's TokuDB key spelling: `>,:()` dropped, blanks and `-` to `_`, `+` and `/` to "and". */
export function tokudbMetricName(key: string): string {
  const k = key.toLowerCase().replace(/[>,:()]/g, '').replace(/[ -]/g, '_').replace(/[+/]/g, 'and');
  return sanitizeMetricName(`mysql_engine_tokudb_${k}`);
}

/** SHOW ENGINE TOKUDB STATUS rows (Type, Name, Status): every numeric one, untyped. */
export function writeTokudbStatus(result: QueryResult, out: MetricSink): void {
  for (const row of result.rows) {
    const value = parseStatus(row[2]);
    if (value === undefined) continue;
    out.untyped(tokudbMetricName(row[1] ?? ''), 'Generic metric from SHOW ENGINE TOKUDB STATUS.', value);
  }
}

export const engineTokudbStatusCollector = defineMysqlCollector({
  name: 'engine_tokudb_status',
  help: 'Collect from SHOW ENGINE TOKUDB STATUS',
  defaultEnabled: false,
  supports: (t) => t.isMariaDB || versionAtLeast(t.serverVersion, 5, 6),
  async scrape({ target, out, signal }) {
    // TokuDB is gone from current servers: "unknown storage engine" means no data, not a failure.
    writeTokudbStatus(await queryOrNoData(target, 'SHOW ENGINE TOKUDB STATUS', signal, [ER_UNKNOWN_STORAGE_ENGINE]), out);
  },
});
