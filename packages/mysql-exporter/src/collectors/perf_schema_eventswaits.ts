import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';
import { PICOSECONDS } from './perf_schema_common.js';

export const EVENTS_WAITS_QUERY =
  'SELECT EVENT_NAME, COUNT_STAR, SUM_TIMER_WAIT FROM performance_schema.events_waits_summary_global_by_event_name';

export function writeEventsWaits(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const labels = { event_name: r.event_name ?? '' };
    out.counter('mysql_perf_schema_events_waits_total', 'Wait events, by event name.', num(r.count_star) ?? 0, labels);
    out.counter('mysql_perf_schema_events_waits_seconds_total', 'Time spent in wait events, by event name.', (num(r.sum_timer_wait) ?? 0) / PICOSECONDS, labels);
  }
}

export const eventsWaitsCollector = defineMysqlCollector({
  name: 'perf_schema.eventswaits',
  help: 'Collect metrics from performance_schema.events_waits_summary_global_by_event_name',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeEventsWaits(await target.query(EVENTS_WAITS_QUERY, signal), out);
  },
});
