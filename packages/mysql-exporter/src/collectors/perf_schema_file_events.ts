import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { hasPerfSchema56, PICOSECONDS } from './perf_schema_common.js';

export const FILE_EVENTS_QUERY =
  'SELECT EVENT_NAME, COUNT_READ, SUM_TIMER_READ, SUM_NUMBER_OF_BYTES_READ, COUNT_WRITE, SUM_TIMER_WRITE, SUM_NUMBER_OF_BYTES_WRITE, ' +
  'COUNT_MISC, SUM_TIMER_MISC FROM performance_schema.file_summary_by_event_name';

export function writeFileEvents(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const event = r.event_name ?? '';
    for (const mode of ['read', 'write', 'misc'] as const) {
      const labels = { event_name: event, mode };
      out.counter('mysql_perf_schema_file_events_total', 'File events, by event name and mode.', num(r[`count_${mode}`]) ?? 0, labels);
      out.counter('mysql_perf_schema_file_events_seconds_total', 'Time spent in file events, by event name and mode.', (num(r[`sum_timer_${mode}`]) ?? 0) / PICOSECONDS, labels);
      if (mode !== 'misc') {
        out.counter('mysql_perf_schema_file_events_bytes_total', 'Bytes read or written by file events.', num(r[`sum_number_of_bytes_${mode}`]) ?? 0, labels);
      }
    }
  }
}

export const fileEventsCollector = defineMysqlCollector({
  name: 'perf_schema.file_events',
  help: 'Collect metrics from performance_schema.file_summary_by_event_name',
  defaultEnabled: false,
  supports: hasPerfSchema56,
  async scrape({ target, out, signal }) {
    writeFileEvents(await target.query(FILE_EVENTS_QUERY, signal), out);
  },
});
