import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { schemaStatsCollector } from '../src/collectors/info_schema_schemastats.js';
import { eventsStatementsCollector } from '../src/collectors/perf_schema_eventsstatements.js';
import { memoryEventsCollector } from '../src/collectors/perf_schema_memory_events.js';
import { slaveHostsCollector } from '../src/collectors/slave_hosts.js';
import { QueryError } from '../src/target.js';
import { fakeTarget, family, result, run, syntaxError, value } from './fake-target.js';

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

describe('info_schema.schemastats', () => {
  it('sums table statistics by schema when userstat is on', async () => {
    const f = await run(schemaStatsCollector, fakeTarget([
      [/userstat/, result(['Variable_name', 'Value'], [['userstat', 'ON']])],
      [/TABLE_STATISTICS GROUP BY/, result(['TABLE_SCHEMA', 'ROWS_READ', 'ROWS_CHANGED', 'ROWS_CHANGED_X_INDEXES'], [['shop', '100', '7', '14']])],
    ]));
    expect(value(f, 'mysql_info_schema_schema_statistics_rows_read_total', { schema: 'shop' })).toBe(100);
    expect(value(f, 'mysql_info_schema_schema_statistics_rows_changed_x_indexes_total', { schema: 'shop' })).toBe(14);
  });
});

describe('slave_hosts', () => {
  it('reads MariaDB and MySQL 8.4 spellings into the same labels', async () => {
    const maria = await run(slaveHostsCollector, fakeTarget([['SHOW SLAVE HOSTS', result(['Server_id', 'Host', 'Port', 'Master_id'], [['2', 'replica1', '3306', '1']])]]));
    expect(family(maria, 'mysql_heartbeat_mysql_slave_hosts_info')?.samples[0].labels).toEqual({ server_id: '2', slave_host: 'replica1', port: '3306', master_id: '1', slave_uuid: '' });
    const target = fakeTarget([['SHOW REPLICAS', result(['Server_Id', 'Host', 'Port', 'Source_Id', 'Replica_UUID'], [['3', 'r2', '3307', '1', 'u-3']])]], { version: '8.4.3' });
    const mysql84 = await run(slaveHostsCollector, target);
    expect(target.queries).toEqual(['SHOW REPLICAS']);
    expect(family(mysql84, 'mysql_heartbeat_mysql_slave_hosts_info')?.samples[0].labels).toEqual({ server_id: '3', slave_host: 'r2', port: '3307', master_id: '1', slave_uuid: 'u-3' });
  });
  it('falls back on a syntax error only', async () => {
    const fallback = fakeTarget([['SHOW REPLICAS', syntaxError()], ['SHOW SLAVE HOSTS', result(['Server_id', 'Host', 'Port', 'Master_id'], [])]], { version: '8.0.30' });
    expect(await run(slaveHostsCollector, fallback)).toEqual([]);
    expect(fallback.queries).toEqual(['SHOW REPLICAS', 'SHOW SLAVE HOSTS']);
    const denied = fakeTarget([['SHOW SLAVE HOSTS', new QueryError('Access denied; you need REPLICATION MASTER ADMIN', 1227, 'ER_SPECIFIC_ACCESS_DENIED_ERROR')]]);
    await expect(run(slaveHostsCollector, denied)).rejects.toThrow(/Access denied/);
    expect(denied.queries).toHaveLength(1);
  });
});

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
