import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, versionAtLeast, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export const MEMORY_EVENTS_QUERY =
  'SELECT EVENT_NAME, SUM_NUMBER_OF_BYTES_ALLOC, SUM_NUMBER_OF_BYTES_FREE, CURRENT_NUMBER_OF_BYTES_USED ' +
  'FROM performance_schema.memory_summary_global_by_event_name WHERE COUNT_ALLOC > 0';

/** Instrument names lose mysqld_exporter's default `memory/` prefix. */
export function writeMemoryEvents(result: QueryResult, out: MetricSink, removePrefix = 'memory/'): void {
  for (const r of records(result)) {
    const name = r.event_name ?? '';
    const labels = { event_name: name.startsWith(removePrefix) ? name.slice(removePrefix.length) : name };
    out.counter('mysql_perf_schema_memory_events_alloc_bytes_total', 'Bytes allocated, by instrument.', num(r.sum_number_of_bytes_alloc) ?? 0, labels);
    out.counter('mysql_perf_schema_memory_events_free_bytes_total', 'Bytes freed, by instrument.', num(r.sum_number_of_bytes_free) ?? 0, labels);
    out.gauge('mysql_perf_schema_memory_events_used_bytes', 'Bytes in use, by instrument (may be negative).', num(r.current_number_of_bytes_used) ?? 0, labels);
  }
}

export const memoryEventsCollector = defineMysqlCollector({
  name: 'perf_schema.memory_events',
  help: 'Collect metrics from performance_schema.memory_summary_global_by_event_name',
  defaultEnabled: false,
  // memory instrumentation: MySQL 5.7+, MariaDB 10.5+.
  supports: (t) => versionAtLeast(t.serverVersion, t.isMariaDB ? 10 : 5, t.isMariaDB ? 5 : 7),
  async scrape({ target, out, signal }) {
    writeMemoryEvents(await target.query(MEMORY_EVENTS_QUERY, signal), out, target.settings.memoryEventsRemovePrefix);
  },
});
