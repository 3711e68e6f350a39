import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { autoIncrementCollector } from '../src/collectors/info_schema_auto_increment.js';
import { innodbTablespacesCollector, innodbTablespacesQuery } from '../src/collectors/info_schema_innodb_tablespaces.js';
import { engineTokudbStatusCollector, tokudbMetricName } from '../src/collectors/engine_tokudb_status.js';
import { replicaHostCollector } from '../src/collectors/info_schema_replica_host.js';
import { rocksdbPerfContextCollector } from '../src/collectors/info_schema_rocksdb_perf_context.js';
import { parseServerVersion, QueryError } from '../src/target.js';
import { mysqlUserCollector } from '../src/collectors/mysql_user.js';
import { fileInstancesCollector } from '../src/collectors/perf_schema_file_instances.js';
import { applierByWorkerCollector, applierTimestamp } from '../src/collectors/perf_schema_replication_applier_status_by_worker.js';
import { groupMemberStatsCollector } from '../src/collectors/perf_schema_replication_group_member_stats.js';
import { userSummaryCollector } from '../src/collectors/sys_user_summary.js';
import { fakeTarget, family, result, run, value } from './fake-target.js';

describe('mysql.user', () => {
  const answer = (sql: string) => {
    const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
    return result(cols, [cols.map((c) => (c === 'user' ? 'app' : c === 'host' ? '10.%' : c === 'max_user_connections' ? '5' : c === 'Select_priv' ? 'Y' : c.endsWith('_priv') ? 'N' : '0'))]);
  };
  it('exports the limits under the doubled mysql_mysql_ prefix; privileges only when asked', async () => {
    const f = await run(mysqlUserCollector, fakeTarget([[/FROM mysql\.user/, answer]]));
    expect(value(f, 'mysql_mysql_max_user_connections', { mysql_user: 'app', hostmask: '10.%' })).toBe(5);
    expect(family(f, 'mysql_mysql_select_priv')).toBeUndefined();
    const p = await run(mysqlUserCollector, fakeTarget([[/FROM mysql\.user/, answer]], { settings: { userPrivileges: true } }));
    expect(value(p, 'mysql_mysql_select_priv', { mysql_user: 'app' })).toBe(1);
    expect(value(p, 'mysql_mysql_super_priv', { mysql_user: 'app' })).toBe(0);
    expect(p.filter((x) => x.name.endsWith('_priv'))).toHaveLength(29);
  });
});

describe('auto_increment.columns', () => {
  it('reports the next value and the type\'s maximum', async () => {
    const f = await run(autoIncrementCollector, fakeTarget([[/auto_increment/, result(
      ['table_schema', 'table_name', 'column_name', 'auto_increment', 'max_int'], [['shop', 'orders', 'id', '1001', '4294967295']],
    )]]));
    expect(value(f, 'mysql_info_schema_auto_increment_column', { schema: 'shop', table: 'orders', column: 'id' })).toBe(1001);
    expect(value(f, 'mysql_info_schema_auto_increment_column_max', { column: 'id' })).toBe(4294967295);
  });
});

describe('perf_schema.file_instances', () => {
  it('filters server-side, strips the data directory, splits read/write', async () => {
    const target = fakeTarget([[/file_summary_by_instance/, result(
      ['FILE_NAME', 'EVENT_NAME', 'COUNT_READ', 'COUNT_WRITE', 'SUM_NUMBER_OF_BYTES_READ', 'SUM_NUMBER_OF_BYTES_WRITE'],
      [['/var/lib/mysql/ibdata1', 'wait/io/file/innodb/innodb_data_file', '10', '20', '1024', '2048']],
    )]], { settings: { fileInstancesFilter: "ib'data" } });
    const f = await run(fileInstancesCollector, target);
    expect(target.queries[0]).toContain("REGEXP 'ib''data'");
    expect(value(f, 'mysql_perf_schema_file_instances_total', { file_name: 'ibdata1', mode: 'write' })).toBe(20);
    expect(value(f, 'mysql_perf_schema_file_instances_bytes', { file_name: 'ibdata1', mode: 'read' })).toBe(1024);
    expect(family(f, 'mysql_perf_schema_file_instances_bytes')?.type).toBe('counter');
  });
});

describe('Group Replication and applier workers (MySQL only)', () => {
  it('member stats: counters and queue gauges; absent columns skipped', async () => {
    const f = await run(groupMemberStatsCollector, fakeTarget([[/replication_group_member_stats/, result(
      ['CHANNEL_NAME', 'MEMBER_ID', 'COUNT_TRANSACTIONS_IN_QUEUE', 'COUNT_TRANSACTIONS_CHECKED', 'COUNT_CONFLICTS_DETECTED'], [['gr', 'u1', '3', '100', '2']],
    )]], { version: '8.0.36' }));
    expect(family(f, 'mysql_perf_schema_transactions_in_queue')?.type).toBe('gauge');
    expect(value(f, 'mysql_perf_schema_transactions_checked_total')).toBe(100);
    expect(value(f, 'mysql_perf_schema_conflicts_detected_total')).toBe(2);
    expect(family(f, 'mysql_perf_schema_transactions_remote_applied_total')).toBeUndefined();
    await expect(run(groupMemberStatsCollector, fakeTarget([]))).rejects.toBeInstanceOf(NoDataError);
  });
  it('applier worker timestamps become Unix seconds; zero dates 0', async () => {
    expect(applierTimestamp('2024-01-02 03:04:05.250000')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000 + 0.25);
    expect(applierTimestamp('0000-00-00 00:00:00.000000')).toBe(0);
    expect(applierTimestamp(null)).toBe(0);
    const f = await run(applierByWorkerCollector, fakeTarget([[/replication_applier_status_by_worker/, (sql) => {
      const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
      return result(cols, [cols.map((c) => (c === 'CHANNEL_NAME' ? '' : c === 'WORKER_ID' ? '1' : '2024-01-02 03:04:05.000000'))]);
    }]], { version: '8.0.36' }));
    expect(f).toHaveLength(7);
    expect(value(f, 'mysql_perf_schema_last_applied_transaction_end_apply_timestamp_seconds', { channel_name: '', member_id: '1' })).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000);
  });
});

describe('sys.user_summary', () => {
  it('latencies from picoseconds, memory in bytes', async () => {
    const f = await run(userSummaryCollector, fakeTarget([[/x\$user_summary/, result(
      ['user', 'statements', 'statement_latency', 'table_scans', 'file_ios', 'file_io_latency', 'current_connections', 'total_connections', 'unique_hosts', 'current_memory', 'total_memory_allocated'],
      [['app', '50', '3000000000000', '2', '9', '500000000000', '4', '40', '2', '1048576', '9999']],
    )]]));
    expect(value(f, 'mysql_sys_statement_latency', { user: 'app' })).toBe(3);
    expect(value(f, 'mysql_sys_file_io_seconds_total', { user: 'app' })).toBe(0.5);
    expect(family(f, 'mysql_sys_current_memory_bytes')?.type).toBe('gauge');
    expect(value(f, 'mysql_sys_connections_total')).toBe(40);
    await expect(run(userSummaryCollector, fakeTarget([], { version: '10.5.20-MariaDB' }))).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('info_schema.innodb_tablespaces', () => {
  it('picks the table and columns each server has', () => {
    const q = (version: string) => innodbTablespacesQuery({ isMariaDB: /mariadb/i.test(version), serverVersion: parseServerVersion(version) });
    expect(q('8.4.3')).toMatch(/'NONE' AS FILE_FORMAT.*IFNULL\(SPACE_TYPE, 'NONE'\).*INNODB_TABLESPACES$/);
    expect(q('5.7.44')).toMatch(/IFNULL\(FILE_FORMAT, 'NONE'\).*INNODB_SYS_TABLESPACES$/);
    expect(q('10.11.19-MariaDB')).toMatch(/'NONE' AS FILE_FORMAT.*'NONE' AS SPACE_TYPE.*INNODB_SYS_TABLESPACES$/);
  });
  it('space id as the info value, sizes by tablespace', async () => {
    const f = await run(innodbTablespacesCollector, fakeTarget([[/TABLESPACES/, result(
      ['SPACE', 'NAME', 'FILE_FORMAT', 'ROW_FORMAT', 'SPACE_TYPE', 'FILE_SIZE', 'ALLOCATED_SIZE'], [['7', 'shop/orders', 'NONE', 'Dynamic', 'Single', '98304', '81920']],
    )]], { version: '8.0.36' }));
    expect(value(f, 'mysql_info_schema_innodb_tablespace_space_info', { tablespace_name: 'shop/orders', row_format: 'Dynamic', space_type: 'Single', file_format: 'NONE' })).toBe(7);
    expect(value(f, 'mysql_info_schema_innodb_tablespace_file_size_bytes', { tablespace_name: 'shop/orders' })).toBe(98304);
    expect(value(f, 'mysql_info_schema_innodb_tablespace_allocated_size_bytes', { tablespace_name: 'shop/orders' })).toBe(81920);
  });
});

describe('engines and servers this machine does not run', () => {
  it('engine_tokudb_status: mysqld_exporter key spelling; no data without the engine', async () => {
    expect(tokudbMetricName('cachetable: size of leaf nodes in cache (bytes)')).toBe('mysql_engine_tokudb_cachetable_size_of_leaf_nodes_in_cache_bytes');
    expect(tokudbMetricName('le_max_committed_xr > 1 / 2+x')).toBe('mysql_engine_tokudb_le_max_committed_xr__1_and_2andx');
    const f = await run(engineTokudbStatusCollector, fakeTarget([['SHOW ENGINE TOKUDB STATUS', result(['Type', 'Name', 'Status'], [
      ['TokuDB', 'time of engine startup', 'Wed Nov 25 01:00:00 2026'], ['TokuDB', 'cachetable: miss', '42'],
    ])]], { version: '5.7.40-43-log' }));
    expect(value(f, 'mysql_engine_tokudb_cachetable_miss')).toBe(42);
    expect(family(f, 'mysql_engine_tokudb_cachetable_miss')?.type).toBe('untyped');
    const absent = fakeTarget([['SHOW ENGINE TOKUDB STATUS', new QueryError("Unknown storage engine 'TOKUDB'", 1286, 'ER_UNKNOWN_STORAGE_ENGINE')]]);
    await expect(run(engineTokudbStatusCollector, absent)).rejects.toBeInstanceOf(NoDataError);
  });
  it('info_schema.replica_host (Aurora): units converted; unknown table is no data', async () => {
    const f = await run(replicaHostCollector, fakeTarget([[/replica_host_status/, result(
      ['SERVER_ID', 'ROLE', 'CPU', 'MASTER_SLAVE_LATENCY_IN_MICROSECONDS', 'REPLICA_LAG_IN_MILLISECONDS', 'LOG_STREAM_SPEED_IN_KiB_PER_SECOND', 'CURRENT_REPLAY_LATENCY_IN_MICROSECONDS'],
      [['db-1', 'reader', '12.5', '2500', '20', '3.5', '1500000']],
    )]], { version: '8.0.32' }));
    const labels = { server_id: 'db-1', role: 'reader' };
    expect(value(f, 'mysql_info_schema_replica_host_replica_latency_seconds', labels)).toBeCloseTo(0.0025);
    expect(value(f, 'mysql_info_schema_replica_host_lag_seconds', labels)).toBeCloseTo(0.02);
    expect(value(f, 'mysql_info_schema_replica_host_replay_latency_seconds', labels)).toBeCloseTo(1.5);
    await expect(run(replicaHostCollector, fakeTarget([[/replica_host_status/, new QueryError('Unknown table', 1109, 'ER_UNKNOWN_TABLE')]]))).rejects.toBeInstanceOf(NoDataError);
  });
  it('info_schema.rocksdb_perf_context: known stat types as counters by table', async () => {
    const f = await run(rocksdbPerfContextCollector, fakeTarget([[/ROCKSDB_PERF_CONTEXT/, result(
      ['TABLE_SCHEMA', 'TABLE_NAME', 'PARTITION_NAME', 'STAT_TYPE', 'VALUE'],
      [['shop', 'orders', '', 'BLOCK_READ_BYTE', '4096'], ['shop', 'orders', '', 'SOMETHING_NEW', '1']],
    )]], { version: '8.0.32' }));
    expect(value(f, 'mysql_info_schema_rocksdb_perf_context_block_read_byte', { schema: 'shop', table: 'orders', part: '' })).toBe(4096);
    expect(f).toHaveLength(1);
  });
});
