import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { binlogSizeCollector } from '../src/collectors/binlog_size.js';
import { engineInnodbStatusCollector, parseInnodbStatus } from '../src/collectors/engine_innodb_status.js';
import { heartbeatCollector } from '../src/collectors/heartbeat.js';
import { collectors } from '../src/collectors/index.js';
import { clientStatsCollector } from '../src/collectors/info_schema_clientstats.js';
import { innodbMetricsCollector, innodbMetricsQuery } from '../src/collectors/info_schema_innodb_metrics.js';
import { processlistCollector } from '../src/collectors/info_schema_processlist.js';
import { tablesCollector } from '../src/collectors/info_schema_tables.js';
import { tableStatsCollector } from '../src/collectors/info_schema_tablestats.js';
import { userStatsCollector } from '../src/collectors/info_schema_userstats.js';
import { eventsStatementsSumCollector } from '../src/collectors/perf_schema_eventsstatementssum.js';
import { eventsWaitsCollector } from '../src/collectors/perf_schema_eventswaits.js';
import { fileEventsCollector } from '../src/collectors/perf_schema_file_events.js';
import { indexIoWaitsCollector } from '../src/collectors/perf_schema_indexiowaits.js';
import { replicationGroupMembersCollector } from '../src/collectors/perf_schema_replication_group_members.js';
import { tableIoWaitsCollector } from '../src/collectors/perf_schema_tableiowaits.js';
import { tableLocksCollector } from '../src/collectors/perf_schema_tablelocks.js';
import { parseServerVersion } from '../src/target.js';
import { fakeTarget, family, fixture, result, run, value } from './fake-target.js';

const USERSTAT_ON: readonly [RegExp, ReturnType<typeof result>] = [/userstat/, result(['Variable_name', 'Value'], [['userstat', 'ON']])];

describe('the registry', () => {
  it('has mysqld_exporter\'s six defaults on and the rest off', () => {
    expect(collectors.filter((c) => c.defaultEnabled).map((c) => c.name).sort()).toEqual([
      'global_status', 'global_variables', 'info_schema.innodb_cmp', 'info_schema.innodb_cmpmem', 'info_schema.query_response_time', 'slave_status',
    ]);
    const names = collectors.map((c) => c.name);
    for (const n of ['info_schema.processlist', 'info_schema.tables', 'info_schema.tablestats', 'info_schema.innodb_metrics', 'info_schema.userstats',
      'info_schema.clientstats', 'perf_schema.eventsstatementssum', 'perf_schema.eventswaits', 'perf_schema.tableiowaits', 'perf_schema.indexiowaits',
      'perf_schema.tablelocks', 'perf_schema.file_events', 'perf_schema.replication_group_members', 'binlog_size', 'heartbeat', 'engine_innodb_status']) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('info_schema.processlist', () => {
  it('sums grouped rows by command/state, user and host', async () => {
    const rows = result(['user', 'host', 'command', 'state', 'processes', 'seconds'], [
      ['app', '10.0.0.5', 'Query', 'Sending data', '3', '12'],
      ['app', '10.0.0.6', 'Query', 'Sending data', '2', '1'],
      ['repl', '', 'Binlog Dump', 'Master has sent all binlog to slave; waiting for more updates', '1', '9000'],
      ['app', '10.0.0.5', 'Sleep', '', '7', '70'],
    ]);
    const target = fakeTarget([[/information_schema\.processlist/, rows]], { settings: { processlistMinTime: 5 } });
    const f = await run(processlistCollector, target);
    expect(target.queries[0]).toContain('TIME >= 5');
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'query', state: 'sending_data' })).toBe(5);
    expect(value(f, 'mysql_info_schema_processlist_seconds', { command: 'query', state: 'sending_data' })).toBe(13);
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'sleep', state: 'unknown' })).toBe(7);
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'binlog_dump', state: 'master_has_sent_all_binlog_to_slave_waiting_for_more_updates' })).toBe(1);
    expect(value(f, 'mysql_info_schema_processlist_processes_by_user', { mysql_user: 'app' })).toBe(12);
    expect(value(f, 'mysql_info_schema_processlist_processes_by_host', { client_host: 'unknown' })).toBe(1);
    const noUsers = await run(processlistCollector, fakeTarget([[/processlist/, rows]], { settings: { processesByUser: false, processesByHost: false } }));
    expect(family(noUsers, 'mysql_info_schema_processlist_processes_by_user')).toBeUndefined();
    expect(family(noUsers, 'mysql_info_schema_processlist_processes_by_host')).toBeUndefined();
  });
});

describe('info_schema.tables', () => {
  const tableRows = result(['TABLE_SCHEMA', 'TABLE_NAME', 'TABLE_TYPE', 'ENGINE', 'VERSION', 'ROW_FORMAT', 'TABLE_ROWS', 'DATA_LENGTH', 'INDEX_LENGTH', 'DATA_FREE', 'CREATE_OPTIONS'], [
    ['shop', 'orders', 'BASE TABLE', 'InnoDB', '10', 'Dynamic', '1200', '65536', '16384', '0', ''],
    ['shop', 'v_orders', 'VIEW', 'NONE', '0', 'NONE', '0', '0', '0', '0', 'NONE'],
  ]);
  it('lists schemas, then reads all their tables in one query', async () => {
    const target = fakeTarget([[/FROM information_schema\.schemata/, result(['SCHEMA_NAME'], [['shop'], ["o'brien"]])], [/FROM information_schema\.tables/, tableRows]]);
    const f = await run(tablesCollector, target);
    expect(target.queries).toHaveLength(2);
    expect(target.queries[1]).toContain("IN ('shop', 'o''brien')");
    expect(value(f, 'mysql_info_schema_table_rows', { schema: 'shop', table: 'orders' })).toBe(1200);
    expect(value(f, 'mysql_info_schema_table_size', { table: 'orders', component: 'index_length' })).toBe(16384);
    expect(family(f, 'mysql_info_schema_table_version')?.samples[0].labels).toEqual({
      schema: 'shop', table: 'orders', type: 'BASE TABLE', engine: 'InnoDB', row_format: 'Dynamic', create_options: '',
    });
  });
  it('uses the configured database list without asking for schemas', async () => {
    const target = fakeTarget([[/FROM information_schema\.tables/, tableRows]], { settings: { tablesDatabases: 'shop, crm' } });
    await run(tablesCollector, target);
    expect(target.queries).toHaveLength(1);
    expect(target.queries[0]).toContain("IN ('shop', 'crm')");
  });
});

describe('userstat collectors', () => {
  it('report no data while userstat is OFF', async () => {
    const off = fakeTarget([[/userstat/, result(['Variable_name', 'Value'], [['userstat', 'OFF']])]]);
    await expect(run(tableStatsCollector, off)).rejects.toBeInstanceOf(NoDataError);
    await expect(run(userStatsCollector, off)).rejects.toBeInstanceOf(NoDataError);
    expect(off.queries.every((q) => /userstat/.test(q))).toBe(true);
  });
  it('tablestats: counters by schema and table', async () => {
    const f = await run(tableStatsCollector, fakeTarget([USERSTAT_ON, [/table_statistics/, result(
      ['TABLE_SCHEMA', 'TABLE_NAME', 'ROWS_READ', 'ROWS_CHANGED', 'ROWS_CHANGED_X_INDEXES'], [['shop', 'orders', '500', '20', '40']],
    )]]));
    expect(value(f, 'mysql_info_schema_table_statistics_rows_read_total', { schema: 'shop', table: 'orders' })).toBe(500);
    expect(value(f, 'mysql_info_schema_table_statistics_rows_changed_x_indexes_total')).toBe(40);
  });
  it('userstats and clientstats: known columns typed, unknown ones untyped', async () => {
    const cols = ['USER', 'TOTAL_CONNECTIONS', 'CONCURRENT_CONNECTIONS', 'CONNECTED_TIME', 'BUSY_TIME', 'ROWS_READ', 'MAX_STATEMENT_TIME_EXCEEDED', 'NEW_COLUMN'];
    const u = await run(userStatsCollector, fakeTarget([USERSTAT_ON, [/user_statistics/, result(cols, [['app', '10', '2', '300', '1.5', '99', '1', '7']])]]));
    expect(family(u, 'mysql_info_schema_user_statistics_total_connections')?.type).toBe('counter');
    expect(family(u, 'mysql_info_schema_user_statistics_concurrent_connections')?.type).toBe('gauge');
    expect(value(u, 'mysql_info_schema_user_statistics_busy_seconds_total', { user: 'app' })).toBe(1.5);
    expect(value(u, 'mysql_info_schema_user_statistics_connected_time_seconds_total')).toBe(300);
    expect(family(u, 'mysql_info_schema_user_statistics_new_column')?.type).toBe('untyped');
    expect(family(u, 'mysql_info_schema_user_statistics_max_statement_time_exceeded')?.type).toBe('untyped');
    const c = await run(clientStatsCollector, fakeTarget([USERSTAT_ON, [/client_statistics/, result(['CLIENT', ...cols.slice(1)], [['10.0.0.5', '10', '2', '300', '1.5', '99', '1', '7']])]]));
    expect(value(c, 'mysql_info_schema_client_statistics_max_statement_time_exceeded_total', { client: '10.0.0.5' })).toBe(1);
    expect(value(c, 'mysql_info_schema_client_statistics_rows_read_total', { client: '10.0.0.5' })).toBe(99);
  });
});

describe('info_schema.innodb_metrics on recorded MariaDB rows', () => {
  it('picks the enabled column by flavour and version', () => {
    expect(innodbMetricsQuery({ isMariaDB: true, serverVersion: parseServerVersion('10.11.2-MariaDB') })).toContain('`enabled` = 1');
    expect(innodbMetricsQuery({ isMariaDB: true, serverVersion: parseServerVersion('10.4.30-MariaDB') })).toContain("`status` = 'enabled'");
    expect(innodbMetricsQuery({ isMariaDB: false, serverVersion: parseServerVersion('8.0.36') })).toContain("`status` = 'enabled'");
  });
  it('maps counters, values and the buffer families', async () => {
    const rows = fixture('mariadb-10.11', 'innodb_metrics');
    const f = await run(innodbMetricsCollector, fakeTarget([[/innodb_metrics/, rows]]));
    const counter = rows.rows.find((r) => r[2] === 'status_counter' && Number(r[4]) >= 0);
    const gauge = rows.rows.find((r) => r[2] === 'value' && r[1] !== 'buffer');
    expect(counter && gauge).toBeTruthy();
    if (!counter || !gauge) return;
    expect(value(f, `mysql_info_schema_innodb_metrics_${counter[1]}_${counter[0]}_total`)).toBe(Number(counter[4]));
    expect(family(f, `mysql_info_schema_innodb_metrics_${gauge[1]}_${gauge[0]}`)?.type).toBe('gauge');
    const synthetic = await run(innodbMetricsCollector, fakeTarget([[/innodb_metrics/, result(['name', 'subsystem', 'type', 'comment', 'count'], [
      ['buffer_page_read_index_leaf', 'buffer_page_io', 'counter', 'x', '5'], ['buffer_page_written_undo_log', 'buffer_page_io', 'counter', 'x', '6'],
      ['buffer_pool_pages_total', 'buffer', 'value', 'x', '100'], ['buffer_pool_pages_dirty', 'buffer', 'value', 'x', '3'],
      ['buffer_pool_pages_data', 'buffer', 'value', 'x', '80'], ['trx_rseg_history_len', 'transaction', 'counter', 'x', '-1'],
    ])]]));
    expect(value(synthetic, 'mysql_info_schema_innodb_metrics_buffer_page_read_total', { type: 'index_leaf' })).toBe(5);
    expect(value(synthetic, 'mysql_info_schema_innodb_metrics_buffer_page_written_total', { type: 'undo_log' })).toBe(6);
    expect(value(synthetic, 'mysql_info_schema_innodb_metrics_buffer_pool_dirty_pages')).toBe(3);
    expect(family(synthetic, 'mysql_info_schema_innodb_metrics_buffer_pool_pages')?.samples.map((s) => s.labels.state)).toEqual(['data']);
    expect(family(synthetic, 'mysql_info_schema_innodb_metrics_transaction_trx_rseg_history_len')?.type).toBe('gauge');
  });
});

describe('performance_schema collectors', () => {
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
  it('table and index I/O waits: inserts only on the NONE index', async () => {
    const cols = ['OBJECT_SCHEMA', 'OBJECT_NAME', 'INDEX_NAME', 'COUNT_FETCH', 'COUNT_INSERT', 'COUNT_UPDATE', 'COUNT_DELETE', 'SUM_TIMER_FETCH', 'SUM_TIMER_INSERT', 'SUM_TIMER_UPDATE', 'SUM_TIMER_DELETE'];
    const idx = await run(indexIoWaitsCollector, fakeTarget([[/by_index_usage/, result(cols, [
      ['shop', 'orders', 'PRIMARY', '9', '0', '2', '1', '1000000000000', '0', '0', '0'], ['shop', 'orders', 'NONE', '0', '5', '0', '0', '0', '0', '0', '0'],
    ])]]));
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'PRIMARY', operation: 'fetch' })).toBe(9);
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'PRIMARY', operation: 'insert' })).toBeUndefined();
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'NONE', operation: 'insert' })).toBe(5);
    const tbl = await run(tableIoWaitsCollector, fakeTarget([[/summary_by_table/, result(cols.filter((c) => c !== 'INDEX_NAME'), [['shop', 'orders', '9', '5', '2', '1', '0', '0', '0', '4000000000000']])]]));
    expect(value(tbl, 'mysql_perf_schema_table_io_waits_seconds_total', { operation: 'delete' })).toBe(4);
    expect(value(tbl, 'mysql_perf_schema_table_io_waits_total', { schema: 'shop', name: 'orders', operation: 'insert' })).toBe(5);
  });
  it('tablelocks: SQL and external lock families', async () => {
    const f = await run(tableLocksCollector, fakeTarget([[/table_lock_waits_summary_by_table/, (sql) => {
      const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
      return result(cols, [cols.map((c) => (c === 'OBJECT_SCHEMA' ? 'shop' : c === 'OBJECT_NAME' ? 'orders' : c === 'COUNT_WRITE_EXTERNAL' ? '4' : c === 'COUNT_READ_NORMAL' ? '6' : '0'))]);
    }]]));
    expect(value(f, 'mysql_perf_schema_sql_lock_waits_total', { operation: 'read_normal' })).toBe(6);
    expect(value(f, 'mysql_perf_schema_external_lock_waits_total', { operation: 'write' })).toBe(4);
    expect(family(f, 'mysql_perf_schema_sql_lock_waits_total')?.samples).toHaveLength(8);
  });
  it('replication_group_members: columns become labels; not on MariaDB', async () => {
    const f = await run(replicationGroupMembersCollector, fakeTarget([[/replication_group_members/, result(
      ['CHANNEL_NAME', 'MEMBER_ID', 'MEMBER_HOST', 'MEMBER_PORT', 'MEMBER_STATE', 'MEMBER_ROLE'], [['group_replication_applier', 'u1', 'db1', '3306', 'ONLINE', 'PRIMARY']],
    )]], { version: '8.0.36' }));
    expect(family(f, 'mysql_perf_schema_replication_group_member_info')?.samples[0].labels).toMatchObject({ member_host: 'db1', member_state: 'ONLINE', member_role: 'PRIMARY' });
    await expect(run(replicationGroupMembersCollector, fakeTarget([]))).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('binlog_size, heartbeat, engine_innodb_status', () => {
  it('binlog_size asks for the logs only when log_bin is on', async () => {
    const off = fakeTarget([['SELECT @@log_bin', result(['@@log_bin'], [['0']])]]);
    expect(await run(binlogSizeCollector, off)).toEqual([]);
    expect(off.queries).toEqual(['SELECT @@log_bin']);
    const f = await run(binlogSizeCollector, fakeTarget([['SELECT @@log_bin', result(['@@log_bin'], [['1']])], ['SHOW BINARY LOGS', result(['Log_name', 'File_size'], [
      ['mysql-bin.000041', '1000'], ['mysql-bin.000042', '234'],
    ])]]));
    expect(value(f, 'mysql_binlog_size_bytes')).toBe(1234);
    expect(value(f, 'mysql_binlog_files')).toBe(2);
    expect(value(f, 'mysql_binlog_file_number')).toBe(42);
  });
  it('heartbeat reads the configured table, NOW or UTC', async () => {
    const target = fakeTarget([[/FROM `hb`\.`beats`/, result(['UNIX_TIMESTAMP(ts)', 'now', 'server_id'], [['1700000000.5', '1700000003.25', '7']])]], {
      settings: { heartbeatDatabase: 'hb', heartbeatTable: 'beats', heartbeatUtc: true },
    });
    const f = await run(heartbeatCollector, target);
    expect(target.queries[0]).toContain('UTC_TIMESTAMP(6)');
    expect(value(f, 'mysql_heartbeat_now_timestamp_seconds', { server_id: '7' }) ?? 0).toBeCloseTo(1700000003.25);
    expect(value(f, 'mysql_heartbeat_stored_timestamp_seconds', { server_id: '7' })).toBe(1700000000.5);
  });
  it('engine_innodb_status reads the monitor text', async () => {
    expect(parseInnodbStatus('...\n2 queries inside InnoDB, 5 queries in queue\n3 read views open inside InnoDB\n')).toEqual({ queriesInside: 2, queriesInQueue: 5, readViewsOpen: 3 });
    const recorded = fixture('mariadb-10.11', 'engine_innodb_status');
    const f = await run(engineInnodbStatusCollector, fakeTarget([['SHOW ENGINE INNODB STATUS', recorded]]));
    const views = /(\d+) read views open inside InnoDB/.exec(recorded.rows[0][2] ?? '');
    expect(value(f, 'mysql_engine_innodb_read_views_open_inside_innodb')).toBe(Number(views?.[1]));
  });
});
