import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export const INNODB_CMP_QUERY =
  'SELECT page_size, compress_ops, compress_ops_ok, compress_time, uncompress_ops, uncompress_time FROM information_schema.innodb_cmp';

const P = 'mysql_info_schema_innodb_cmp_';

export function writeInnodbCmp(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { page_size: r.page_size ?? '' };
    const put = (name: string, help: string, cell: string | null | undefined): void => {
      const v = num(cell);
      if (v !== undefined) out.counter(P + name, help, v, labels);
    };
    put('compress_ops_total', 'Pages compressed, by page size.', r.compress_ops);
    put('compress_ops_ok_total', 'Pages compressed successfully, by page size.', r.compress_ops_ok);
    put('compress_time_seconds_total', 'Time spent compressing pages, as the server reports it.', r.compress_time);
    put('uncompress_ops_total', 'Pages uncompressed, by page size.', r.uncompress_ops);
    put('uncompress_time_seconds_total', 'Time spent uncompressing pages, as the server reports it.', r.uncompress_time);
  }
}

export const innodbCmpCollector = defineMysqlCollector({
  name: 'info_schema.innodb_cmp',
  help: 'Collect metrics from information_schema.innodb_cmp',
  defaultEnabled: true,
  async scrape({ target, out, signal }) {
    writeInnodbCmp(await target.query(INNODB_CMP_QUERY, signal), out);
  },
});
