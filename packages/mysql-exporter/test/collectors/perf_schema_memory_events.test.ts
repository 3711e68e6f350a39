import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { memoryEventsCollector } from '../../src/collectors/perf_schema_memory_events.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('perf_schema.memory_events', () => {
  it('strips the memory/ prefix; used bytes may be negative', async () => {
    const f = await run(memoryEventsCollector, fakeTarget([[/memory_summary_global_by_event_name/, result(
      ['EVENT_NAME', 'SUM_NUMBER_OF_BYTES_ALLOC', 'SUM_NUMBER_OF_BYTES_FREE', 'CURRENT_NUMBER_OF_BYTES_USED'],
      [['memory/innodb/buf_buf_pool', '1000', '400', '600'], ['memory/sql/THD::main_mem_root', '10', '30', '-20']],
    )]]));
    expect(value(f, 'mysql_perf_schema_memory_events_used_bytes', { event_name: 'innodb/buf_buf_pool' })).toBe(600);
    expect(value(f, 'mysql_perf_schema_memory_events_used_bytes', { event_name: 'sql/THD::main_mem_root' })).toBe(-20);
    expect(family(f, 'mysql_perf_schema_memory_events_alloc_bytes_total')?.type).toBe('counter');
  });
  it('is not available before MariaDB 10.5 / MySQL 5.7', async () => {
    await expect(run(memoryEventsCollector, fakeTarget([], { version: '10.4.30-MariaDB' }))).rejects.toBeInstanceOf(NoDataError);
    await expect(run(memoryEventsCollector, fakeTarget([], { version: '5.6.51' }))).rejects.toBeInstanceOf(NoDataError);
  });
});
