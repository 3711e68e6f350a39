import { describe, expect, it } from 'vitest';
import { eventsStatementsCollector } from '../../src/collectors/perf_schema_eventsstatements.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

/** Answers the digest query with one row, echoing the columns it asked for. */
function digestRows(sql: string) {
  const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ').map((c) => (/ AS (\w+)$/.exec(c)?.[1] ?? c));
  const v: Record<string, string> = {
    SCHEMA_NAME: 'shop', DIGEST: 'abc123', DIGEST_TEXT: 'SELECT * FROM `orders` WHERE `id` = ?', COUNT_STAR: '10', SUM_TIMER_WAIT: '5000000000000',
    SUM_LOCK_TIME: '2000000000', SUM_ERRORS: '1', SUM_ROWS_SENT: '30', SUM_CPU_TIME: '1000000000000', QUANTILE_95: '700000000000',
    QUANTILE_99: '900000000000', QUANTILE_999: '990000000000',
  };
  return result(cols, [cols.map((c) => v[c] ?? '0')]);
}

describe('perf_schema.eventsstatements', () => {
  it('on MariaDB: counters by digest, real lock time, zero quantiles; honours the limits', async () => {
    const target = fakeTarget([[/events_statements_summary_by_digest/, digestRows]], {
      settings: { eventsStatementsLimit: 5, eventsStatementsTimeLimit: 60, eventsStatementsDigestTextLimit: 40 },
    });
    const f = await run(eventsStatementsCollector, target);
    expect(target.queries[0]).toMatch(/LEFT\(DIGEST_TEXT, 40\).*INTERVAL 60 SECOND.*LIMIT 5$/);
    expect(target.queries[0]).not.toContain('QUANTILE');
    const labels = { schema: 'shop', digest: 'abc123', digest_text: 'SELECT * FROM `orders` WHERE `id` = ?' };
    expect(value(f, 'mysql_perf_schema_events_statements_total', labels)).toBe(10);
    expect(value(f, 'mysql_perf_schema_events_statements_seconds_total', labels)).toBe(5);
    expect(value(f, 'mysql_perf_schema_events_statements_lock_time_seconds_total', labels)).toBe(0.002);
    expect(value(f, 'mysql_perf_schema_events_statements_cpu_time_seconds_total', labels)).toBe(0);
    const latency = family(f, 'mysql_perf_schema_events_statements_latency');
    expect(latency?.type).toBe('summary');
    expect(latency?.samples.filter((s) => s.suffix === '').map((s) => [s.labels.quantile, s.value])).toEqual([['95', 0], ['99', 0], ['999', 0]]);
    expect(latency?.samples.find((s) => s.suffix === '_count')?.value).toBe(10);
  });
  it('on MySQL 8.0.28+: CPU time and quantiles from the server', async () => {
    const target = fakeTarget([[/events_statements_summary_by_digest/, digestRows]], { version: '8.0.36' });
    const f = await run(eventsStatementsCollector, target);
    expect(target.queries[0]).toContain('QUANTILE_999');
    expect(value(f, 'mysql_perf_schema_events_statements_cpu_time_seconds_total')).toBe(1);
    expect(value(f, 'mysql_perf_schema_events_statements_latency', { quantile: '99' })).toBe(0.9);
  });
});
