import { describe, expect, it } from 'vitest';
import { slaveStatusCollector } from '../../src/collectors/slave_status.js';
import { QueryError } from '../../src/target.js';
import { fakeTarget, family, result, run, syntaxError, value } from '../fake-target.js';

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
