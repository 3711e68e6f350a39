import { describe, expect, it } from 'vitest';
import {
  GLOBAL_STATUS_GENERIC_HELP, legacyReplicaColumn, mapGlobalStatus, parseEvsReplLatency, parseGcacheSize, parseStatus, sanitizeStateLabel, validPrometheusName,
} from '../src/naming.js';
import { parseServerVersion, versionAtLeast } from '../src/target.js';

describe('validPrometheusName', () => {
  it('replaces every character outside [a-zA-Z0-9_] and lower-cases', () => {
    expect(validPrometheusName('validate_password.dictionary_file_words_count')).toBe('validate_password_dictionary_file_words_count');
    expect(validPrometheusName('Innodb_buffer_pool_pages_data')).toBe('innodb_buffer_pool_pages_data');
    expect(validPrometheusName('Rsa-public key')).toBe('rsa_public_key');
  });
});

describe('parseStatus', () => {
  it('maps booleans and replication states', () => {
    for (const v of ['YES', 'on', 'Primary']) expect(parseStatus(v)).toBe(1);
    for (const v of ['No', 'OFF', 'disabled', 'Connecting', 'non-Primary', 'Disconnected']) expect(parseStatus(v)).toBe(0);
  });
  it('parses numbers and skips text, empty and NULL', () => {
    expect(parseStatus('42')).toBe(42);
    expect(parseStatus('1.577355')).toBeCloseTo(1.577355);
    expect(parseStatus('-3')).toBe(-3);
    expect(parseStatus('1e3')).toBe(1000);
    expect(parseStatus('')).toBeUndefined();
    expect(parseStatus(null)).toBeUndefined();
    expect(parseStatus('/var/lib/mysql/')).toBeUndefined();
    expect(parseStatus('12abc')).toBeUndefined();
  });
  it('does not turn binlog file names into numbers, as mysqld_exporter', () => {
    expect(parseStatus('mysql-bin.000123')).toBeUndefined();
  });
  it('turns both date layouts into Unix seconds (UTC)', () => {
    expect(parseStatus('Jan  2 15:04:05 2006 GMT')).toBe(Date.UTC(2006, 0, 2, 15, 4, 5) / 1000);
    expect(parseStatus('Nov 25 01:02:03 2031 GMT')).toBe(Date.UTC(2031, 10, 25, 1, 2, 3) / 1000);
    expect(parseStatus('2024-02-29 23:59:58')).toBe(Date.UTC(2024, 1, 29, 23, 59, 58) / 1000);
  });
});

describe('mapGlobalStatus', () => {
  const name = (k: string) => mapGlobalStatus(k);
  it('puts prefixed variables into labelled families', () => {
    expect(name('com_select')).toMatchObject({ kind: 'family', name: 'mysql_global_status_commands_total', type: 'counter', labels: { command: 'select' } });
    expect(name('com_alter_db')).toMatchObject({ labels: { command: 'alter_db' } });
    expect(name('handler_commit')).toMatchObject({ name: 'mysql_global_status_handlers_total', labels: { handler: 'commit' } });
    expect(name('connection_errors_max_connections')).toMatchObject({ name: 'mysql_global_status_connection_errors_total', labels: { error: 'max_connections' } });
    expect(name('innodb_rows_read')).toMatchObject({ name: 'mysql_global_status_innodb_row_ops_total', labels: { operation: 'read' } });
    expect(name('performance_schema_users_lost')).toMatchObject({ name: 'mysql_global_status_performance_schema_lost_total', labels: { instrumentation: 'users_lost' } });
  });
  it('splits the buffer pool pages as mysqld_exporter does', () => {
    for (const state of ['data', 'free', 'misc', 'old']) {
      expect(name(`innodb_buffer_pool_pages_${state}`)).toMatchObject({ name: 'mysql_global_status_buffer_pool_pages', type: 'gauge', labels: { state } });
    }
    expect(name('innodb_buffer_pool_pages_dirty')).toMatchObject({ name: 'mysql_global_status_buffer_pool_dirty_pages', type: 'gauge', labels: {} });
    expect(name('innodb_buffer_pool_pages_flushed')).toMatchObject({ name: 'mysql_global_status_buffer_pool_page_changes_total', type: 'counter', labels: { operation: 'flushed' } });
    expect(name('innodb_buffer_pool_pages_total')).toEqual({ kind: 'drop' });
  });
  it('leaves everything else generic, including names that only start like a prefix', () => {
    expect(name('questions')).toEqual({ kind: 'generic', name: 'mysql_global_status_questions' });
    expect(name('compression')).toEqual({ kind: 'generic', name: 'mysql_global_status_compression' });
    expect(name('innodb_buffer_pool_bytes_data')).toEqual({ kind: 'generic', name: 'mysql_global_status_innodb_buffer_pool_bytes_data' });
  });
});

describe('replica column aliases', () => {
  it('maps the 8.4 spelling back to the names the mixin uses', () => {
    expect(legacyReplicaColumn('Replica_IO_Running')).toBe('Slave_IO_Running');
    expect(legacyReplicaColumn('Replica_SQL_Running')).toBe('Slave_SQL_Running');
    expect(legacyReplicaColumn('Seconds_Behind_Source')).toBe('Seconds_Behind_Master');
    expect(legacyReplicaColumn('Read_Source_Log_Pos')).toBe('Read_Master_Log_Pos');
    expect(legacyReplicaColumn('Source_Server_Id')).toBe('Master_Server_Id');
    expect(legacyReplicaColumn('SQL_Delay')).toBeUndefined();
    expect(legacyReplicaColumn('Slave_IO_Running')).toBeUndefined();
  });
});

describe('label and text helpers', () => {
  it('sanitizes processlist states', () => {
    expect(sanitizeStateLabel('Waiting for table metadata lock')).toBe('waiting_for_table_metadata_lock');
    expect(sanitizeStateLabel('Sending data (to client); done.')).toBe('sending_data_to_client_done');
    expect(sanitizeStateLabel('Binlog Dump-GTID')).toBe('binlog_dump_gtid');
    expect(sanitizeStateLabel('')).toBe('unknown');
  });
  it('reads the gcache size in bytes', () => {
    expect(parseGcacheSize('base_dir = /var/lib/mysql/; gcache.size = 128M; gcache.page_size = 1G;')).toBe(128 * 1024 * 1024);
    expect(parseGcacheSize('gcache.size = 2G; x = 1;')).toBe(2 * 1024 ** 3);
    expect(parseGcacheSize('gcache.size = 4096; x')).toBe(4096);
    expect(parseGcacheSize('gcache.name = galera.cache;')).toBe(0);
  });
  it('reads wsrep_evs_repl_latency only when it has five numbers', () => {
    expect(parseEvsReplLatency('0.000123/0.000456/0.001/0.0002/17')).toEqual({ min: 0.000123, avg: 0.000456, max: 0.001, stdev: 0.0002, sampleSize: 17 });
    expect(parseEvsReplLatency('0/0/0/0')).toBeUndefined();
    expect(parseEvsReplLatency('a/b/c/d/e')).toBeUndefined();
  });
  it('parses server versions, including the old MariaDB handshake prefix', () => {
    expect(parseServerVersion('5.5.5-10.4.32-MariaDB-log')).toMatchObject({ major: 10, minor: 4, patch: 32 });
    expect(parseServerVersion('8.4.3')).toMatchObject({ major: 8, minor: 4, patch: 3 });
    expect(versionAtLeast(parseServerVersion('8.0.22'), 8, 0, 22)).toBe(true);
    expect(versionAtLeast(parseServerVersion('8.0.21'), 8, 0, 22)).toBe(false);
    expect(versionAtLeast(parseServerVersion('10.11.19-MariaDB'), 10, 5)).toBe(true);
  });
});

// Survivors of the mysql mutation scope (docs/TESTING.md): the edges of mysqld_exporter's rules
// (collector.go parseStatus, global_status.go, global_variables.go) that the cases above left open.
describe('naming edge cases, as mysqld_exporter', () => {
  it('keeps digits and underscores in names', () => {
    expect(validPrometheusName('Caching_sha2_password_rsa_public_key')).toBe('caching_sha2_password_rsa_public_key');
    expect(validPrometheusName('Ssl_v3.0')).toBe('ssl_v3_0');
  });

  it('skips undefined like NULL', () => {
    expect(parseStatus(undefined)).toBeUndefined();
  });

  it('parses every float spelling strconv.ParseFloat takes, and nothing around it', () => {
    expect(parseStatus('+5')).toBe(5);
    expect(parseStatus('12.5')).toBe(12.5);
    expect(parseStatus('.5')).toBe(0.5);
    expect(parseStatus('.25')).toBe(0.25);
    expect(parseStatus('7.')).toBe(7);
    expect(parseStatus('1E3')).toBe(1000);
    expect(parseStatus('1e-3')).toBe(0.001);
    expect(parseStatus('1e+3')).toBe(1000);
    expect(parseStatus('2e10')).toBe(2e10);
    expect(parseStatus('v8')).toBeUndefined();
    expect(parseStatus('0x10')).toBeUndefined();
  });

  it('parses Inf and NaN in any case, as ParseFloat does, but not words that contain them', () => {
    expect(parseStatus('Inf')).toBe(Infinity);
    expect(parseStatus('+infinity')).toBe(Infinity);
    expect(parseStatus('-inf')).toBe(-Infinity);
    expect(parseStatus('-Infinity')).toBe(-Infinity);
    expect(parseStatus('NaN')).toBeNaN();
    expect(parseStatus('nan')).toBeNaN();
    expect(parseStatus('info')).toBeUndefined();
    expect(parseStatus('is_inf')).toBeUndefined();
    expect(parseStatus('nano')).toBeUndefined();
    expect(parseStatus('x-nan')).toBeUndefined();
  });

  it('reads certificate dates with any month case and rejects what time.Parse rejects', () => {
    expect(parseStatus('DEC 31 23:59:59 2030 GMT')).toBe(Date.UTC(2030, 11, 31, 23, 59, 59) / 1000);
    expect(parseStatus('Aug 9 08:07:06 2027 UTC')).toBe(Date.UTC(2027, 7, 9, 8, 7, 6) / 1000);
    // Not a month name, a prefix (openssl's `notAfter=`), trailing text: skipped, not NaN.
    expect(parseStatus('Foo  2 15:04:05 2006 GMT')).toBeUndefined();
    expect(parseStatus('notAfter=Jan  2 15:04:05 2006 GMT')).toBeUndefined();
    expect(parseStatus('Jan  2 15:04:05 2006 GMT (expired)')).toBeUndefined();
  });

  it('reads SQL datetimes only when the whole value is one', () => {
    expect(parseStatus('1999-12-31 00:00:01')).toBe(Date.UTC(1999, 11, 31, 0, 0, 1) / 1000);
    expect(parseStatus('since 2024-02-29 23:59:58')).toBeUndefined();
    expect(parseStatus('2024-02-29 23:59:58 UTC')).toBeUndefined();
  });

  it('maps each global status family completely: name, type, help and labels', () => {
    const family = (name: string, type: 'counter' | 'gauge', help: string, labels: Record<string, string>) => ({ kind: 'family', name, type, help, labels });
    expect(mapGlobalStatus('com_select')).toEqual(family('mysql_global_status_commands_total', 'counter', 'Statements executed, by command (Com_*).', { command: 'select' }));
    expect(mapGlobalStatus('handler_read_rnd_next')).toEqual(family('mysql_global_status_handlers_total', 'counter', 'Storage-engine handler calls, by handler (Handler_*).', { handler: 'read_rnd_next' }));
    expect(mapGlobalStatus('connection_errors_internal')).toEqual(family('mysql_global_status_connection_errors_total', 'counter', 'Failed connection attempts, by cause (Connection_errors_*).', { error: 'internal' }));
    expect(mapGlobalStatus('innodb_buffer_pool_pages_free')).toEqual(family('mysql_global_status_buffer_pool_pages', 'gauge', 'InnoDB buffer pool pages, by state.', { state: 'free' }));
    expect(mapGlobalStatus('innodb_buffer_pool_pages_dirty')).toEqual(family('mysql_global_status_buffer_pool_dirty_pages', 'gauge', 'InnoDB buffer pool pages holding unflushed changes.', {}));
    expect(mapGlobalStatus('innodb_buffer_pool_pages_made_young')).toEqual(family('mysql_global_status_buffer_pool_page_changes_total', 'counter', 'InnoDB buffer pool page events (flushed, made young, ...), by operation.', { operation: 'made_young' }));
    expect(mapGlobalStatus('innodb_rows_deleted')).toEqual(family('mysql_global_status_innodb_row_ops_total', 'counter', 'InnoDB row operations, by operation.', { operation: 'deleted' }));
    expect(mapGlobalStatus('performance_schema_file_handles_lost')).toEqual(family('mysql_global_status_performance_schema_lost_total', 'counter', 'Performance Schema instruments that could not be created for lack of memory, by instrumentation.', { instrumentation: 'file_handles_lost' }));
    expect(GLOBAL_STATUS_GENERIC_HELP).toBe('Generic metric from SHOW GLOBAL STATUS.');
  });

  it('matches a family prefix only at the start of the name (the Go regexp is anchored)', () => {
    expect(mapGlobalStatus('mysqlx_com_x')).toEqual({ kind: 'generic', name: 'mysql_global_status_mysqlx_com_x' });
    expect(mapGlobalStatus('tokudb_handler_x')).toEqual({ kind: 'generic', name: 'mysql_global_status_tokudb_handler_x' });
  });

  it('maps lower-cased replica columns too, and leaves the Replicate_* filters (never renamed) alone', () => {
    expect(legacyReplicaColumn('seconds_behind_source')).toBe('seconds_behind_master');
    expect(legacyReplicaColumn('replica_sql_running')).toBe('slave_sql_running');
    expect(legacyReplicaColumn('Replicate_Ignore_Server_Ids')).toBeUndefined();
    expect(legacyReplicaColumn('replicate_do_db')).toBeUndefined();
  });

  it('drops every punctuation mark sanitizeState drops', () => {
    expect(sanitizeStateLabel('Waiting: flush, then commit')).toBe('waiting_flush_then_commit');
  });

  it('skips a latency value with any non-number part', () => {
    expect(parseEvsReplLatency('0.1/0.2/x/0.4/5')).toBeUndefined();
    expect(parseEvsReplLatency('0.1//0.3/0.4/5')).toBeUndefined();
    expect(parseEvsReplLatency('0x10/0.2/0.3/0.4/5')).toBeUndefined();
    expect(parseEvsReplLatency('1/2/3/4/5/6')).toBeUndefined();
  });
});
