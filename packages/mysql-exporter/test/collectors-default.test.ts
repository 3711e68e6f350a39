import { describe, expect, it } from 'vitest';
import { globalStatusCollector } from '../src/collectors/global_status.js';
import { globalVariablesCollector } from '../src/collectors/global_variables.js';
import { innodbCmpCollector, INNODB_CMP_QUERY } from '../src/collectors/info_schema_innodb_cmp.js';
import { innodbCmpmemCollector, INNODB_CMPMEM_QUERY } from '../src/collectors/info_schema_innodb_cmpmem.js';
import { queryResponseTimeCollector } from '../src/collectors/info_schema_query_response_time.js';
import { slaveStatusCollector } from '../src/collectors/slave_status.js';
import { QueryError } from '../src/target.js';
import { fakeTarget, family, fixture, fixtureValue, result, run, syntaxError, value } from './fake-target.js';

const MARIADB = 'mariadb-10.11';

describe('global_status on a recorded MariaDB 10.11 result set', async () => {
  const status = fixture(MARIADB, 'global_status');
  const families = await run(globalStatusCollector, fakeTarget([['SHOW GLOBAL STATUS', status]]));

  it('exports Com_* as commands_total{command} counters with the server values', () => {
    const f = family(families, 'mysql_global_status_commands_total');
    expect(f?.type).toBe('counter');
    expect(value(families, 'mysql_global_status_commands_total', { command: 'select' })).toBe(fixtureValue(status, 'Com_select'));
    const comRows = status.rows.filter((r) => /^Com_/.test(r[0] ?? '')).length;
    expect(f?.samples.length).toBe(comRows);
  });
  it('keeps generic counters untyped, as mysqld_exporter', () => {
    expect(family(families, 'mysql_global_status_questions')?.type).toBe('untyped');
    expect(value(families, 'mysql_global_status_questions')).toBe(fixtureValue(status, 'Questions'));
    expect(value(families, 'mysql_global_status_uptime')).toBe(fixtureValue(status, 'Uptime'));
    expect(family(families, 'mysql_global_status_com_select')).toBeUndefined();
  });
  it('splits buffer pool pages by state and drops the total', () => {
    const pages = family(families, 'mysql_global_status_buffer_pool_pages');
    expect(pages?.type).toBe('gauge');
    expect(pages?.samples.map((s) => s.labels.state).sort()).toEqual(['data', 'free', 'misc', 'old']);
    expect(value(families, 'mysql_global_status_buffer_pool_dirty_pages')).toBe(fixtureValue(status, 'Innodb_buffer_pool_pages_dirty'));
    expect(families.some((f) => f.samples.some((s) => s.labels.operation === 'total' || s.labels.state === 'total'))).toBe(false);
    expect(value(families, 'mysql_global_status_handlers_total', { handler: 'commit' })).toBe(fixtureValue(status, 'Handler_commit'));
  });
  it('exports InnoDB row operations where the server has them (MySQL; MariaDB 10.11 dropped Innodb_rows_*)', async () => {
    expect(status.rows.some((r) => /^Innodb_rows_/.test(r[0] ?? ''))).toBe(false);
    const mysql = await run(globalStatusCollector, fakeTarget([['SHOW GLOBAL STATUS', result(['Variable_name', 'Value'], [
      ['Innodb_rows_inserted', '17'], ['Innodb_rows_read', '1000'], ['Performance_schema_users_lost', '0'], ['Connection_errors_internal', '2'],
    ])]], { version: '8.0.36' }));
    expect(value(mysql, 'mysql_global_status_innodb_row_ops_total', { operation: 'inserted' })).toBe(17);
    expect(value(mysql, 'mysql_global_status_innodb_row_ops_total', { operation: 'read' })).toBe(1000);
    expect(value(mysql, 'mysql_global_status_performance_schema_lost_total', { instrumentation: 'users_lost' })).toBe(0);
    expect(value(mysql, 'mysql_global_status_connection_errors_total', { error: 'internal' })).toBe(2);
  });
  it('skips values that are not numbers', () => {
    const textRows = status.rows.filter((r) => r[1] !== null && r[1] !== '' && Number.isNaN(Number(r[1])) && !/^(on|off|yes|no|disabled|connecting|primary|non-primary|disconnected)$/i.test(r[1]));
    expect(textRows.length).toBeGreaterThan(0);
    for (const [name] of textRows) {
      expect(family(families, `mysql_global_status_${(name ?? '').toLowerCase()}`)).toBeUndefined();
    }
  });
  it('builds the Galera info and latency series from text values', async () => {
    const galera = await run(globalStatusCollector, fakeTarget([['SHOW GLOBAL STATUS', result(['Variable_name', 'Value'], [
      ['wsrep_local_state_uuid', 'a1b2'], ['wsrep_cluster_state_uuid', 'c3d4'], ['wsrep_provider_version', '26.4.14(r06a0c285)'],
      ['wsrep_evs_repl_latency', '0.0001/0.0002/0.0003/0.00001/12'], ['wsrep_cluster_status', 'Primary'], ['wsrep_ready', 'ON'], ['wsrep_local_state', '4'],
    ])]]));
    expect(galera.find((f) => f.name === 'mysql_galera_status_info')?.samples[0].labels).toEqual({
      wsrep_local_state_uuid: 'a1b2', wsrep_cluster_state_uuid: 'c3d4', wsrep_provider_version: '26.4.14(r06a0c285)',
    });
    expect(value(galera, 'mysql_galera_evs_repl_latency_avg_seconds')).toBe(0.0002);
    expect(value(galera, 'mysql_galera_evs_repl_latency_sample_size')).toBe(12);
    expect(value(galera, 'mysql_global_status_wsrep_cluster_status')).toBe(1);
    expect(value(galera, 'mysql_global_status_wsrep_ready')).toBe(1);
    expect(value(galera, 'mysql_global_status_wsrep_local_state')).toBe(4);
  });
});

describe('global_variables', async () => {
  const vars = fixture(MARIADB, 'global_variables');
  const families = await run(globalVariablesCollector, fakeTarget([['SHOW GLOBAL VARIABLES', vars]]));
  it('exports numeric and boolean variables as gauges', () => {
    expect(family(families, 'mysql_global_variables_max_connections')?.type).toBe('gauge');
    expect(value(families, 'mysql_global_variables_max_connections')).toBe(fixtureValue(vars, 'max_connections'));
    expect(value(families, 'mysql_global_variables_innodb_buffer_pool_size')).toBe(fixtureValue(vars, 'innodb_buffer_pool_size'));
    const autocommit = vars.rows.find((r) => r[0] === 'autocommit')?.[1];
    expect(value(families, 'mysql_global_variables_autocommit')).toBe(autocommit === 'ON' ? 1 : 0);
    expect(family(families, 'mysql_global_variables_datadir')).toBeUndefined();
  });
  it('always emits version info and the isolation level', () => {
    const version = vars.rows.find((r) => r[0] === 'version')?.[1];
    const info = family(families, 'mysql_version_info');
    expect(info?.samples[0].labels.version).toBe(version);
    const level = vars.rows.find((r) => r[0] === 'transaction_isolation' || r[0] === 'tx_isolation')?.[1];
    expect(family(families, 'mysql_transaction_isolation')?.samples[0].labels).toEqual({ level });
  });
  it('falls back to tx_isolation and reads Galera options', async () => {
    const f = await run(globalVariablesCollector, fakeTarget([['SHOW GLOBAL VARIABLES', result(['Variable_name', 'Value'], [
      ['tx_isolation', 'READ-COMMITTED'], ['wsrep_cluster_name', 'prod'], ['wsrep_provider_options', 'gcache.size = 1G; gcache.page_size = 128M;'], ['wsrep_desync', 'OFF'],
    ])]]));
    expect(family(f, 'mysql_transaction_isolation')?.samples[0].labels).toEqual({ level: 'READ-COMMITTED' });
    expect(family(f, 'mysql_galera_variables_info')?.samples[0].labels).toEqual({ wsrep_cluster_name: 'prod' });
    expect(value(f, 'mysql_galera_gcache_size_bytes')).toBe(1024 ** 3);
    expect(value(f, 'mysql_global_variables_wsrep_desync')).toBe(0);
    expect(family(f, 'mysql_version_info')?.samples[0].labels).toEqual({ innodb_version: '', version: '', version_comment: '' });
  });
});

const MARIADB_REPLICA_COLUMNS = ['Connection_name', 'Slave_SQL_State', 'Slave_IO_State', 'Master_Host', 'Master_User', 'Master_Port', 'Master_Log_File',
  'Read_Master_Log_Pos', 'Slave_IO_Running', 'Slave_SQL_Running', 'Last_IO_Errno', 'Seconds_Behind_Master', 'SQL_Delay', 'Gtid_IO_Pos', 'Gtid_Slave_Pos'];
const MYSQL84_REPLICA_COLUMNS = ['Replica_IO_State', 'Source_Host', 'Source_User', 'Source_Port', 'Source_Log_File', 'Read_Source_Log_Pos',
  'Replica_IO_Running', 'Replica_SQL_Running', 'Exec_Source_Log_Pos', 'Seconds_Behind_Source', 'SQL_Delay', 'Source_UUID', 'Channel_Name'];

describe('slave_status', () => {
  it('reads MariaDB multi-source rows, with GTID positions per domain', async () => {
    const target = fakeTarget([['SHOW ALL SLAVES STATUS', result(MARIADB_REPLICA_COLUMNS, [
      ['', 'Slave has read all relay log', 'Waiting for master', 'db1', 'repl', '3306', 'mysql-bin.000042', '1234', 'Yes', 'Yes', '0', '3', '0', '0-1-100,1-2-7', '0-1-99'],
      ['east', '', 'Connecting to master', 'db2', 'repl', '3306', 'mysql-bin.000001', '4', 'Connecting', 'No', '2003', null, '60', '', ''],
    ])]]);
    const f = await run(slaveStatusCollector, target);
    expect(target.queries).toEqual(['SHOW ALL SLAVES STATUS']);
    const base = { master_host: 'db1', master_uuid: '', channel_name: '', connection_name: '' };
    expect(value(f, 'mysql_slave_status_slave_io_running', base)).toBe(1);
    expect(value(f, 'mysql_slave_status_seconds_behind_master', base)).toBe(3);
    expect(value(f, 'mysql_slave_status_slave_io_running', { connection_name: 'east' })).toBe(0);
    expect(value(f, 'mysql_slave_status_sql_delay', { connection_name: 'east' })).toBe(60);
    // NULL lag means "unknown": no series, as mysqld_exporter.
    expect(value(f, 'mysql_slave_status_seconds_behind_master', { connection_name: 'east' })).toBeUndefined();
    expect(family(f, 'mysql_slave_status_gtid_io_pos')?.type).toBe('gauge');
    expect(value(f, 'mysql_slave_status_gtid_io_pos', { ...base, domain_id: '1', server_id: '2' })).toBe(7);
    expect(value(f, 'mysql_slave_status_gtid_slave_pos', { ...base, domain_id: '0', server_id: '1' })).toBe(99);
    expect(family(f, 'mysql_slave_status_master_log_file')).toBeUndefined();
  });
  it('exports MySQL 8.4 Replica_/Source_ columns under both spellings, asking once', async () => {
    const target = fakeTarget([['SHOW REPLICA STATUS', result(MYSQL84_REPLICA_COLUMNS, [
      ['Waiting for source to send event', 'src', 'repl', '3306', 'binlog.000003', '900', 'Yes', 'No', '880', '12', '5', 'uuid-1', ''],
    ])]], { version: '8.4.3' });
    const f = await run(slaveStatusCollector, target);
    expect(target.queries).toEqual(['SHOW REPLICA STATUS']);
    const labels = { master_host: 'src', master_uuid: 'uuid-1', channel_name: '', connection_name: '' };
    expect(value(f, 'mysql_slave_status_replica_io_running', labels)).toBe(1);
    expect(value(f, 'mysql_slave_status_slave_io_running', labels)).toBe(1);
    expect(value(f, 'mysql_slave_status_slave_sql_running', labels)).toBe(0);
    expect(value(f, 'mysql_slave_status_seconds_behind_source', labels)).toBe(12);
    expect(value(f, 'mysql_slave_status_seconds_behind_master', labels)).toBe(12);
    expect(value(f, 'mysql_slave_status_exec_master_log_pos', labels)).toBe(880);
    expect(value(f, 'mysql_slave_status_sql_delay', labels)).toBe(5);
    expect(family(f, 'mysql_slave_status_replica_io_running')?.type).toBe('untyped');
  });
  it('starts with SHOW SLAVE STATUS on MySQL 5.7 and falls back only on syntax errors', async () => {
    const old = fakeTarget([['SHOW SLAVE STATUS', result(['Slave_IO_Running'], [])]], { version: '5.7.44-log' });
    expect(await run(slaveStatusCollector, old)).toEqual([]);
    expect(old.queries).toEqual(['SHOW SLAVE STATUS']);
    const fallback = fakeTarget([['SHOW REPLICA STATUS', syntaxError()], ['SHOW SLAVE STATUS', result(['Slave_IO_Running'], [['Yes']])]], { version: '8.0.30' });
    expect(value(await run(slaveStatusCollector, fallback), 'mysql_slave_status_slave_io_running')).toBe(1);
    expect(fallback.queries).toEqual(['SHOW REPLICA STATUS', 'SHOW SLAVE STATUS']);
    const denied = fakeTarget([['SHOW ALL SLAVES STATUS', new QueryError('Access denied; you need SLAVE MONITOR', 1227, 'ER_SPECIFIC_ACCESS_DENIED_ERROR')]]);
    await expect(run(slaveStatusCollector, denied)).rejects.toThrow(/SLAVE MONITOR/);
    expect(denied.queries).toEqual(['SHOW ALL SLAVES STATUS']);
  });
});

describe('innodb_cmp and innodb_cmpmem on recorded rows', () => {
  it('exports counters by page size', async () => {
    const cmp = fixture(MARIADB, 'innodb_cmp');
    const f = await run(innodbCmpCollector, fakeTarget([[INNODB_CMP_QUERY, cmp]]));
    expect(family(f, 'mysql_info_schema_innodb_cmp_compress_ops_total')?.samples.map((s) => s.labels.page_size)).toEqual(cmp.rows.map((r) => r[0]));
    expect(family(f, 'mysql_info_schema_innodb_cmp_uncompress_time_seconds_total')?.type).toBe('counter');
  });
  it('divides relocation_time by 1000 and labels the buffer pool', async () => {
    const f = await run(innodbCmpmemCollector, fakeTarget([[INNODB_CMPMEM_QUERY, result(
      ['page_size', 'buffer_pool_instance', 'pages_used', 'pages_free', 'relocation_ops', 'relocation_time'],
      [['1024', '0', '3', '4', '5', '2500']],
    )]]));
    const labels = { page_size: '1024', buffer_pool: '0' };
    expect(value(f, 'mysql_info_schema_innodb_cmpmem_relocation_time_seconds_total', labels)).toBe(2.5);
    expect(value(f, 'mysql_info_schema_innodb_cmpmem_pages_used_total', labels)).toBe(3);
    expect(family(f, 'mysql_info_schema_innodb_cmpmem_pages_free_total')?.type).toBe('counter');
  });
});

describe('query_response_time', () => {
  const rows = result(['TIME', 'COUNT', 'TOTAL'], [
    ['      0.000001', '124', '      0.000000'], ['      0.000010', '179', '      0.000797'], ['      0.000100', '2859', '      0.107321'],
    ['      0.001000', '1085', '      0.335395'], ['      0.010000', '269', '      0.522264'], ['      0.100000', '11', '      0.344209'],
    ['      1.000000', '1', '      0.267369'], ['     10.000000', '0', '      0.000000'], ['TOO LONG', '0', 'TOO LONG'],
  ]);
  it('reports nothing, successfully, when the plugin is absent', async () => {
    const target = fakeTarget([['SELECT @@query_response_time_stats', new QueryError('Unknown system variable', 1193, 'ER_UNKNOWN_SYSTEM_VARIABLE')]]);
    expect(await run(queryResponseTimeCollector, target)).toEqual([]);
    expect(target.queries).toHaveLength(1);
  });
  it('builds cumulative histograms; READ/WRITE tables are optional', async () => {
    const target = fakeTarget([
      ['SELECT @@query_response_time_stats', result(['@@query_response_time_stats'], [['1']])],
      ['SELECT TIME, COUNT, TOTAL FROM INFORMATION_SCHEMA.QUERY_RESPONSE_TIME', rows],
    ]);
    const f = await run(queryResponseTimeCollector, target);
    const h = family(f, 'mysql_info_schema_query_response_time_seconds');
    expect(h?.type).toBe('histogram');
    const count = h?.samples.find((s) => s.suffix === '_count')?.value;
    expect(count).toBe(4528);
    expect(h?.samples.find((s) => s.suffix === '_sum')?.value).toBeCloseTo(1.577355, 6);
    const buckets = h?.samples.filter((s) => s.suffix === '_bucket') ?? [];
    expect(buckets.find((s) => s.labels.le === '0.0001')?.value).toBe(124 + 179 + 2859);
    expect(buckets.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: 4528 });
    expect(family(f, 'mysql_info_schema_read_query_response_time_seconds')).toBeUndefined();
  });
  it('fails when the main table cannot be read', async () => {
    const target = fakeTarget([['SELECT @@query_response_time_stats', result(['x'], [['ON']])]]);
    await expect(run(queryResponseTimeCollector, target)).rejects.toThrow(/no answer/);
  });
});
