/**
 * Every metric the mysqld-mixin (dashboards, alerts, recording rules) queries is emitted when
 * the server has the underlying data. The list below is the mixin's, transcribed by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalStatusCollector } from '../src/collectors/global_status.js';
import { globalVariablesCollector } from '../src/collectors/global_variables.js';
import { slaveStatusCollector } from '../src/collectors/slave_status.js';
import { validPrometheusName } from '../src/naming.js';
import { fakeTarget, result, run } from './fake-target.js';
import { createExporterUser, dropUser, mariadbAvailable, rootQuery, sampleValue, startHarness, testName, writeCnf, type Harness } from './harness.js';

const STATUS = [
  'aborted_clients', 'aborted_connects', 'bytes_received', 'bytes_sent', 'created_tmp_disk_tables', 'created_tmp_files', 'created_tmp_tables',
  'innodb_mem_adaptive_hash', 'innodb_mem_dictionary', 'innodb_num_open_files', 'innodb_page_size', 'max_used_connections', 'open_files',
  'open_table_definitions', 'open_tables', 'opened_files', 'opened_table_definitions', 'opened_tables', 'qcache_free_memory', 'qcache_hits',
  'qcache_inserts', 'qcache_lowmem_prunes', 'qcache_not_cached', 'qcache_queries_in_cache', 'queries', 'questions', 'select_full_join',
  'select_full_range_join', 'select_range', 'select_range_check', 'select_scan', 'slow_queries', 'sort_merge_passes', 'sort_range', 'sort_rows',
  'sort_scan', 'table_locks_immediate', 'table_locks_waited', 'table_open_cache_hits', 'table_open_cache_misses', 'table_open_cache_overflows',
  'threads_cached', 'threads_connected', 'threads_created', 'threads_running', 'uptime',
  // alerts
  'innodb_log_waits', 'wsrep_ready', 'wsrep_local_state', 'wsrep_local_recv_queue',
];
const VARIABLES = [
  'innodb_additional_mem_pool_size', 'innodb_buffer_pool_size', 'innodb_log_buffer_size', 'key_buffer_size', 'max_connections',
  'open_files_limit', 'query_cache_size', 'table_definition_cache', 'table_open_cache', 'thread_cache_size', 'tokudb_cache_size',
  // alerts
  'wsrep_desync',
];
/** Families with labels or from optional collectors: [metric, selector the mixin uses]. */
const SPECIAL: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['mysql_up', {}],
  ['mysql_global_status_buffer_pool_pages', { state: 'data' }],
  ['mysql_global_status_commands_total', { command: 'commit' }],
  ['mysql_global_status_commands_total', { command: 'rollback' }],
  ['mysql_global_status_handlers_total', { handler: 'commit' }],
  ['mysql_global_status_handlers_total', { handler: 'read_rnd_next' }],
  ['mysql_info_schema_processlist_threads', {}],
  ['mysql_heartbeat_now_timestamp_seconds', {}],
  ['mysql_heartbeat_stored_timestamp_seconds', {}],
];
/** Used by MySQLReplicationNotRunning and the instance:mysql_slave_lag_seconds rule. */
const REPLICATION = ['mysql_slave_status_slave_io_running', 'mysql_slave_status_slave_sql_running', 'mysql_slave_status_seconds_behind_master', 'mysql_slave_status_sql_delay'];

const available = await mariadbAvailable();
const USER = testName('scrapekit_test_mixin');
const PASSWORD = 'Mixin-pw-3';
const DB = testName('scrapekit_test_mixin_db');
const CHANNEL = testName('scrapekit_test_chan');

describe.runIf(available)('mysqld-mixin metrics on the real MariaDB', () => {
  let h: Harness;
  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD);
    await rootQuery(`CREATE DATABASE IF NOT EXISTS ${DB}`);
    await rootQuery(`CREATE TABLE IF NOT EXISTS ${DB}.heartbeat (ts VARCHAR(26) NOT NULL, server_id INT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=InnoDB`);
    await rootQuery(`REPLACE INTO ${DB}.heartbeat VALUES (NOW(6), @@server_id)`);
    // A replication channel to a source that does not exist: the IO thread keeps "Connecting",
    // which is exactly what MySQLReplicationNotRunning must see.
    await rootQuery(`CHANGE MASTER '${CHANNEL}' TO MASTER_HOST='127.0.0.1', MASTER_PORT=1, MASTER_USER='nobody', MASTER_CONNECT_RETRY=3600`);
    await rootQuery(`START SLAVE '${CHANNEL}'`);
    h = await startHarness([
      `--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`)}`,
      '--collect.info_schema.processlist', '--collect.heartbeat', `--collect.heartbeat.database=${DB}`,
    ]);
  });
  afterAll(async () => {
    await h?.close();
    await rootQuery(`STOP SLAVE '${CHANNEL}'`).catch(() => {});
    await rootQuery(`RESET SLAVE '${CHANNEL}' ALL`).catch(() => {});
    await rootQuery(`DROP DATABASE IF EXISTS ${DB}`);
    await dropUser(USER);
  });

  it('emits every mixin metric the server has data for', async () => {
    const status = new Set((await rootQuery<Array<{ Variable_name: string }>>('SHOW GLOBAL STATUS')).map((r) => validPrometheusName(r.Variable_name)));
    const variables = new Map((await rootQuery<Array<{ Variable_name: string; Value: string }>>('SHOW GLOBAL VARIABLES')).map((r) => [validPrometheusName(r.Variable_name), r.Value]));
    const { samples } = await h.scrape();
    const has = (name: string, labels: Record<string, string> = {}) => sampleValue(samples, name, labels) !== undefined;
    const missing: string[] = [];
    let checked = 0;
    for (const s of STATUS) {
      if (!status.has(s)) continue;
      checked++;
      if (!has(`mysql_global_status_${s}`)) missing.push(`mysql_global_status_${s}`);
    }
    for (const v of VARIABLES) {
      const raw = variables.get(v);
      if (raw === undefined || raw === '' || Number.isNaN(Number(raw)) && !/^(on|off)$/i.test(raw)) continue;
      checked++;
      if (!has(`mysql_global_variables_${v}`)) missing.push(`mysql_global_variables_${v}`);
    }
    for (const [name, labels] of SPECIAL) {
      checked++;
      if (!has(name, labels)) missing.push(`${name}${JSON.stringify(labels)}`);
    }
    const [replica] = (await rootQuery<Array<Record<string, unknown>>>('SHOW ALL SLAVES STATUS')).filter((r) => r.Connection_name === CHANNEL);
    expect(replica).toBeDefined();
    for (const name of REPLICATION) {
      // Seconds_Behind_Master is NULL while the IO thread is not connected: no data, no series.
      const column = Object.keys(replica).find((k) => `mysql_slave_status_${k.toLowerCase()}` === name);
      if (column === undefined || replica[column] === null) continue;
      checked++;
      if (!has(name, { connection_name: CHANNEL })) missing.push(name);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('lets MySQLReplicationNotRunning fire for a stuck IO thread', async () => {
    const { samples } = await h.scrape();
    expect(sampleValue(samples, 'mysql_slave_status_slave_io_running', { connection_name: CHANNEL, master_host: '127.0.0.1' })).toBe(0);
    expect(sampleValue(samples, 'mysql_slave_status_slave_sql_running', { connection_name: CHANNEL })).toBe(1);
  });
});

describe('mysqld-mixin metrics from servers this machine does not run (recorded rows)', () => {
  it('Galera: the alert inputs come from status and variables', async () => {
    const s = await run(globalStatusCollector, fakeTarget([['SHOW GLOBAL STATUS', result(['Variable_name', 'Value'], [
      ['wsrep_ready', 'ON'], ['wsrep_local_state', '4'], ['wsrep_local_recv_queue', '0'],
    ])]]));
    const v = await run(globalVariablesCollector, fakeTarget([['SHOW GLOBAL VARIABLES', result(['Variable_name', 'Value'], [['wsrep_desync', 'OFF']])]]));
    const names = [...s, ...v].map((f) => f.name);
    for (const n of ['mysql_global_status_wsrep_ready', 'mysql_global_status_wsrep_local_state', 'mysql_global_status_wsrep_local_recv_queue', 'mysql_global_variables_wsrep_desync']) {
      expect(names).toContain(n);
    }
  });
  it('MySQL 8.4 replicas: the alert and rule inputs exist under their legacy names', async () => {
    const f = await run(slaveStatusCollector, fakeTarget([['SHOW REPLICA STATUS', result(
      ['Source_Host', 'Replica_IO_Running', 'Replica_SQL_Running', 'Seconds_Behind_Source', 'SQL_Delay'], [['src', 'Yes', 'Yes', '0', '0']],
    )]], { version: '8.4.3' }));
    const names = f.map((x) => x.name);
    for (const n of REPLICATION) expect(names).toContain(n);
  });
});
