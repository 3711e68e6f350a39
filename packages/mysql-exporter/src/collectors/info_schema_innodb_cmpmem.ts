import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export const INNODB_CMPMEM_QUERY =
  'SELECT page_size, buffer_pool_instance, pages_used, pages_free, relocation_ops, relocation_time FROM information_schema.innodb_cmpmem';

const P = 'mysql_info_schema_innodb_cmpmem_';

/** All four are counters, and relocation_time is divided by 1000, exactly as mysqld_exporter does. */
export function writeInnodbCmpmem(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { page_size: r.page_size ?? '', buffer_pool: r.buffer_pool_instance ?? '' };
    const used = num(r.pages_used);
    const free = num(r.pages_free);
    const ops = num(r.relocation_ops);
    const time = num(r.relocation_time);
    if (used !== undefined) out.counter(P + 'pages_used_total', 'Compressed-page buffer pages in use.', used, labels);
    if (free !== undefined) out.counter(P + 'pages_free_total', 'Compressed-page buffer pages free.', free, labels);
    if (ops !== undefined) out.counter(P + 'relocation_ops_total', 'Compressed-page buffer relocations.', ops, labels);
    if (time !== undefined) out.counter(P + 'relocation_time_seconds_total', 'Compressed-page buffer relocation time (server value / 1000).', time / 1000, labels);
  }
}

export const innodbCmpmemCollector = defineMysqlCollector({
  name: 'info_schema.innodb_cmpmem',
  help: 'Collect metrics from information_schema.innodb_cmpmem',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    writeInnodbCmpmem(await target.query(INNODB_CMPMEM_QUERY, signal), out);
  },
});
