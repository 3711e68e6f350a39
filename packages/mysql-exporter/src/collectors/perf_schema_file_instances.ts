import type { MetricSink } from '@scrapekit/exporter-kit';
import { sqlString } from '../sql.js';
import { num, records, type CollectorSettings, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export function fileInstancesQuery(settings: CollectorSettings): string {
  return (
    'SELECT FILE_NAME, EVENT_NAME, COUNT_READ, COUNT_WRITE, SUM_NUMBER_OF_BYTES_READ, SUM_NUMBER_OF_BYTES_WRITE ' +
    `FROM performance_schema.file_summary_by_instance WHERE FILE_NAME REGEXP ${sqlString(settings.fileInstancesFilter)}`
  );
}

/** Counts and bytes per file and mode; the data directory prefix is cut from the file name. */
export function writeFileInstances(result: QueryResult, removePrefix: string, out: MetricSink): void {
  for (const r of records(result)) {
    const file = r.file_name ?? '';
    const base = { file_name: removePrefix && file.startsWith(removePrefix) ? file.slice(removePrefix.length) : file, event_name: r.event_name ?? '' };
    for (const mode of ['read', 'write'] as const) {
      const labels = { ...base, mode };
      out.counter('mysql_perf_schema_file_instances_total', 'File I/O operations, by file and mode.', num(r[`count_${mode}`]) ?? 0, labels);
      out.counter('mysql_perf_schema_file_instances_bytes', 'Bytes read or written, by file.', num(r[`sum_number_of_bytes_${mode}`]) ?? 0, labels);
    }
  }
}

export const fileInstancesCollector = defineMysqlCollector({
  name: 'perf_schema.file_instances',
  help: 'Collect metrics from performance_schema.file_summary_by_instance',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeFileInstances(await target.query(fileInstancesQuery(target.settings), signal), target.settings.fileInstancesRemovePrefix, out);
  },
});
