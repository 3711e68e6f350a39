import { describe, expect, it } from 'vitest';
import { eventsWaitsCollector } from '../../src/collectors/perf_schema_eventswaits.js';
import { fileEventsCollector } from '../../src/collectors/perf_schema_file_events.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('perf_schema.eventswaits', () => {
  it('eventswaits, file_events: by event name (and mode), picoseconds to seconds', async () => {
    const w = await run(eventsWaitsCollector, fakeTarget([[/events_waits_summary_global_by_event_name/, result(['EVENT_NAME', 'COUNT_STAR', 'SUM_TIMER_WAIT'], [['wait/io/file/innodb/innodb_data_file', '10', '3000000000000']])]]));
    expect(value(w, 'mysql_perf_schema_events_waits_seconds_total', { event_name: 'wait/io/file/innodb/innodb_data_file' })).toBe(3);
    const fe = await run(fileEventsCollector, fakeTarget([[/file_summary_by_event_name/, result(
      ['EVENT_NAME', 'COUNT_READ', 'SUM_TIMER_READ', 'SUM_NUMBER_OF_BYTES_READ', 'COUNT_WRITE', 'SUM_TIMER_WRITE', 'SUM_NUMBER_OF_BYTES_WRITE', 'COUNT_MISC', 'SUM_TIMER_MISC'],
      [['wait/io/file/sql/binlog', '1', '1000000000000', '512', '2', '0', '1024', '3', '0']],
    )]]));
    expect(value(fe, 'mysql_perf_schema_file_events_total', { mode: 'misc' })).toBe(3);
    expect(value(fe, 'mysql_perf_schema_file_events_bytes_total', { mode: 'write' })).toBe(1024);
    expect(value(fe, 'mysql_perf_schema_file_events_seconds_total', { mode: 'read' })).toBe(1);
    expect(family(fe, 'mysql_perf_schema_file_events_bytes_total')?.samples.some((s) => s.labels.mode === 'misc')).toBe(false);
  });
});
