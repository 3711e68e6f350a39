import { describe, expect, it } from 'vitest';
import { eventsStatementsSumCollector } from '../../src/collectors/perf_schema_eventsstatementssum.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('perf_schema.eventsstatementssum', () => {
  it('eventsstatementssum: one counter per column; timer in seconds, lock time raw', async () => {
    const f = await run(eventsStatementsSumCollector, fakeTarget([[/events_statements_summary_by_digest/, (sql) => {
      const cols = [...sql.matchAll(/ AS (\w+)/g)].map((m) => m[1]);
      return result(cols, [cols.map((c) => (c === 'SUM_TIMER_WAIT' ? '2500000000000' : c === 'SUM_LOCK_TIME' ? '7000000' : '3'))]);
    }]]));
    expect(value(f, 'mysql_perf_schema_events_statements_sum_timer_wait')).toBe(2.5);
    expect(value(f, 'mysql_perf_schema_events_statements_sum_lock_time')).toBe(7000000);
    expect(value(f, 'mysql_perf_schema_events_statements_total')).toBe(3);
    expect(f).toHaveLength(21);
    expect(f.every((x) => x.type === 'counter')).toBe(true);
  });
  it('eventsstatementssum: nothing while performance_schema has no digests (SUM over no rows is NULL)', async () => {
    const f = await run(eventsStatementsSumCollector, fakeTarget([[/events_statements_summary_by_digest/, (sql) => {
      const cols = [...sql.matchAll(/ AS (\w+)/g)].map((m) => m[1]);
      return result(cols, [cols.map(() => null)]);
    }]]));
    expect(f).toEqual([]);
  });
});
