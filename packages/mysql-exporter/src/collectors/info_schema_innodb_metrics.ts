import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, versionAtLeast, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

/**
 * MariaDB 10.5 replaced the STATUS column by ENABLED. mysqld_exporter asks information_schema
 * which one exists (one more query per scrape); the version tells us the same thing.
 */
export function innodbMetricsQuery(target: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): string {
  const filter = target.isMariaDB && versionAtLeast(target.serverVersion, 10, 5) ? '`enabled` = 1' : "`status` = 'enabled'";
  return `SELECT name, subsystem, type, comment, count FROM information_schema.innodb_metrics WHERE ${filter}`;
}

const P = 'mysql_info_schema_innodb_metrics_';
const BUFFER_PAGE = /^buffer_page_(read|written)_(.*)$/;
const BUFFER_POOL_PAGES = /^buffer_pool_pages_(.*)$/;

export function writeInnodbMetrics(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const name = r.name ?? '';
    const subsystem = r.subsystem ?? '';
    const value = num(r.count);
    if (value === undefined) continue;
    if (subsystem === 'buffer_page_io') {
      const m = BUFFER_PAGE.exec(name);
      if (!m) continue;
      if (m[1] === 'read') out.counter(P + 'buffer_page_read_total', 'Buffer pages read, by page type.', value, { type: m[2] });
      else out.counter(P + 'buffer_page_written_total', 'Buffer pages written, by page type.', value, { type: m[2] });
      continue;
    }
    if (subsystem === 'buffer') {
      const m = BUFFER_POOL_PAGES.exec(name);
      if (m) {
        if (m[1] === 'dirty') out.gauge(P + 'buffer_pool_dirty_pages', 'Dirty pages in the buffer pool.', value);
        else if (m[1] !== 'total') out.gauge(P + 'buffer_pool_pages', 'Buffer pool pages, by state.', value, { state: m[1] });
        continue;
      }
    }
    const metric = `${P}${subsystem}_${name}`.replace(/[^a-zA-Z0-9_]/g, '_');
    const help = r.comment || `InnoDB metric ${name}.`;
    // Negative "counters" exist (MySQL bug 75966): export those as gauges, as the Go exporter does.
    const type = r.type ?? '';
    if ((type === 'counter' || type === 'status_counter') && value >= 0) out.counter(metric + '_total', help, value);
    else out.gauge(metric, help, value);
  }
}

export const innodbMetricsCollector = defineMysqlCollector({
  name: 'info_schema.innodb_metrics',
  help: 'Collect metrics from information_schema.innodb_metrics',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeInnodbMetrics(await target.query(innodbMetricsQuery(target), signal), out);
  },
});
