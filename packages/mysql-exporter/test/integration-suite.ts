/**
 * The integration suite: an exporter user with only the documented grants, real load, and the
 * exported values compared with what the server itself reports. integration.test.ts runs it on
 * the local MariaDB, containers.test.ts on MySQL 8.0 and 8.4 where Docker exists.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { havePromtool, promtoolCheckMetrics } from '../../../test/support/promtool.js';
import { requireDependency } from '../../../test/support/services.js';
import {
  createExporterUser, dropUser, globalStatus, rootConnection, rootQuery, sampleValue, startHarness, threadsOf, writeCnf,
  testName, type DbServer, type Harness, type Sample,
} from './harness.js';

const USER = testName('scrapekit_test_exp');
const PASSWORD = 'Sk-test#pw1';
const DB = testName('scrapekit_test_mysql');

const OPTIONAL = [
  'info_schema.processlist', 'info_schema.tables', 'info_schema.tablestats', 'info_schema.innodb_metrics', 'info_schema.userstats',
  'info_schema.clientstats', 'perf_schema.eventsstatementssum', 'perf_schema.eventswaits', 'perf_schema.tableiowaits',
  'perf_schema.indexiowaits', 'perf_schema.tablelocks', 'perf_schema.file_events', 'binlog_size', 'engine_innodb_status',
  'perf_schema.eventsstatements', 'info_schema.schemastats', 'perf_schema.memory_events', 'auto_increment.columns', 'mysql.user',
  'perf_schema.file_instances', 'sys.user_summary', 'info_schema.innodb_tablespaces', 'engine_tokudb_status', 'info_schema.replica_host',
  'info_schema.rocksdb_perf_context',
];

/** Registers the suite's hooks and tests in the calling describe(); `server` is read lazily. */
export function integrationSuite(server: () => DbServer): void {
  let h: Harness;
  const promtool = requireDependency(havePromtool(), 'promtool');

  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD, 3, server());
    const c = await rootConnection(server());
    await c.query(`DROP DATABASE IF EXISTS ${DB}`);
    await c.query(`CREATE DATABASE ${DB}`);
    await c.query(`CREATE TABLE ${DB}.items (id INT PRIMARY KEY, qty INT) ENGINE=InnoDB`);
    await c.query(`CREATE TABLE ${DB}.seq (id SMALLINT UNSIGNED AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB`);
    await c.query(`INSERT INTO ${DB}.seq VALUES (NULL), (NULL), (NULL)`);
    await c.end();
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword="${PASSWORD}"\nhost=${server().host}\nport=${server().port}\n`);
    h = await startHarness([`--config.my-cnf=${cnf}`, ...OPTIONAL.map((n) => `--collect.${n}`), `--collect.info_schema.tables.databases=${DB}`]);
  });

  afterAll(async () => {
    await h?.close();
    await rootQuery(`DROP DATABASE IF EXISTS ${DB}`, server());
    await dropUser(USER, server());
  });

  const counter = (s: Sample[], name: string, labels: Record<string, string>): number => sampleValue(s, name, labels) ?? NaN;

  it('is up, and every enabled collector succeeds with only the documented grants', async () => {
    const { status, samples } = await h.scrape();
    expect(status).toBe(200);
    expect(sampleValue(samples, 'mysql_up')).toBe(1);
    const success = samples.filter((s) => s.name === 'mysql_exporter_collector_success');
    expect(success.map((s) => s.labels.collector).sort()).toEqual(h.exporter.enabledCollectors.map((c) => `collect.${c}`).sort());
    expect(success.filter((s) => s.value !== 1)).toEqual([]);
    expect(h.logs.filter((l) => /level=error/.test(l))).toEqual([]);
  });

  it('counts the statements and row operations we generate', async () => {
    const before = (await h.scrape()).samples;
    const c = await rootConnection(server());
    for (let i = 0; i < 50; i++) await c.query(`INSERT INTO ${DB}.items VALUES (?, ?)`, [i, i]);
    for (let i = 0; i < 20; i++) await c.query(`UPDATE ${DB}.items SET qty = qty + 1 WHERE id = ?`, [i]);
    for (let i = 0; i < 10; i++) await c.query(`DELETE FROM ${DB}.items WHERE id = ?`, [40 + i]);
    for (let i = 0; i < 30; i++) await c.query(`SELECT qty FROM ${DB}.items WHERE id = ?`, [i]);
    await c.end();
    const after = (await h.scrape()).samples;
    const delta = (name: string, labels: Record<string, string>): number => counter(after, name, labels) - counter(before, name, labels);
    // At least our own statements; other packages' tests may add more concurrently.
    expect(delta('mysql_global_status_commands_total', { command: 'insert' })).toBeGreaterThanOrEqual(50);
    expect(delta('mysql_global_status_commands_total', { command: 'update' })).toBeGreaterThanOrEqual(20);
    expect(delta('mysql_global_status_commands_total', { command: 'delete' })).toBeGreaterThanOrEqual(10);
    expect(delta('mysql_global_status_commands_total', { command: 'select' })).toBeGreaterThanOrEqual(30);
    expect(delta('mysql_global_status_handlers_total', { handler: 'write' })).toBeGreaterThanOrEqual(50);
    expect(delta('mysql_global_status_handlers_total', { handler: 'update' })).toBeGreaterThanOrEqual(20);
    expect(delta('mysql_global_status_handlers_total', { handler: 'delete' })).toBeGreaterThanOrEqual(10);
    if (sampleValue(after, 'mysql_global_status_innodb_row_ops_total', { operation: 'inserted' }) !== undefined) {
      expect(delta('mysql_global_status_innodb_row_ops_total', { operation: 'inserted' })).toBeGreaterThanOrEqual(50);
    }
    const [{ n }] = await rootQuery<Array<{ n: number }>>(`SELECT COUNT(*) AS n FROM ${DB}.items`, server());
    expect(n).toBe(40);
    await rootQuery(`ANALYZE TABLE ${DB}.items`, server());
    const tables = (await h.scrape()).samples;
    const [{ rows }] = await rootQuery<Array<{ rows: number }>>(`SELECT TABLE_ROWS AS \`rows\` FROM information_schema.tables WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = 'items'`);
    expect(sampleValue(tables, 'mysql_info_schema_table_rows', { schema: DB, table: 'items' })).toBe(Number(rows));
  });

  it('reports variables and status exactly as the server does', async () => {
    const vars = await rootQuery<Array<{ max_connections: number; version: string; table_open_cache: number; innodb_buffer_pool_size: string }>>(
      'SELECT @@max_connections AS max_connections, @@version AS version, @@table_open_cache AS table_open_cache, @@innodb_buffer_pool_size AS innodb_buffer_pool_size',
    );
    const upBefore = await globalStatus('Uptime', server());
    const { samples } = await h.scrape();
    const upAfter = await globalStatus('Uptime', server());
    expect(sampleValue(samples, 'mysql_global_variables_max_connections')).toBe(Number(vars[0].max_connections));
    expect(sampleValue(samples, 'mysql_global_variables_table_open_cache')).toBe(Number(vars[0].table_open_cache));
    expect(sampleValue(samples, 'mysql_global_variables_innodb_buffer_pool_size')).toBe(Number(vars[0].innodb_buffer_pool_size));
    expect(samples.find((s) => s.name === 'mysql_version_info')?.labels.version).toBe(vars[0].version);
    const uptime = sampleValue(samples, 'mysql_global_status_uptime') ?? NaN;
    expect(uptime).toBeGreaterThanOrEqual(upBefore);
    expect(uptime).toBeLessThanOrEqual(upAfter);
    const total = await globalStatus('Innodb_buffer_pool_pages_total', server());
    const states = samples.filter((s) => s.name === 'mysql_global_status_buffer_pool_pages');
    // MariaDB also has pages_old; Oracle MySQL does not.
    expect(states.map((s) => s.labels.state).sort()).toEqual(expect.arrayContaining(['data', 'free', 'misc']));
    // data + free + misc is the pool (old is a subset of data); pages move between scrapes, so allow slack.
    const pool = states.filter((s) => s.labels.state !== 'old').reduce((a, s) => a + s.value, 0);
    expect(Math.abs(pool - Number(total))).toBeLessThanOrEqual(Number(total) * 0.05);
  });

  it('sees its own processlist and the InnoDB monitor', async () => {
    const c = await rootConnection(server());
    try {
      const { samples } = await h.scrape();
      const sleeping = samples.filter((s) => s.name === 'mysql_info_schema_processlist_threads' && s.labels.command === 'sleep');
      expect(sleeping.reduce((a, s) => a + s.value, 0)).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, 'mysql_info_schema_processlist_processes_by_user', { mysql_user: 'root' })).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, 'mysql_engine_innodb_read_views_open_inside_innodb')).toBeGreaterThanOrEqual(0);
    } finally {
      await c.end();
    }
  });

  it.runIf(promtool)('promtool finds nothing in our own names with the optional collectors on', async () => {
    const { text } = await h.scrape();
    const lint = await promtoolCheckMetrics(text);
    expect(lint.errors).toEqual([]);
    // Names built from server variable names, and mysqld_exporter's own names, are kept for
    // compatibility even where promtool would prefer another spelling.
    const inherited = /^mysql_(global_status|global_variables)_|^mysql_perf_schema_events_statements_sum_/;
    expect(lint.findings.filter((f) => !inherited.test(f.metric))).toEqual([]);
  });

  it('reads auto_increment headroom and per-user limits as the server stores them', async () => {
    const { samples } = await h.scrape();
    const [{ next }] = await rootQuery<Array<{ next: number }>>(`SELECT AUTO_INCREMENT AS next FROM information_schema.tables WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = 'seq'`, server());
    const labels = { schema: DB, table: 'seq', column: 'id' };
    expect(sampleValue(samples, 'mysql_info_schema_auto_increment_column', labels)).toBe(Number(next));
    expect(sampleValue(samples, 'mysql_info_schema_auto_increment_column_max', labels)).toBe(65535);
    expect(sampleValue(samples, 'mysql_mysql_max_user_connections', { mysql_user: USER, hostmask: '%' })).toBe(3);
    const sizes = await rootQuery<Array<{ name: string; size: string }>>(
      `SELECT NAME AS name, FILE_SIZE AS size FROM information_schema.${server().isMariaDB ? 'INNODB_SYS_TABLESPACES' : 'INNODB_TABLESPACES'} WHERE NAME = '${DB}/seq'`, server());
    expect(sizes).toHaveLength(1);
    expect(sampleValue(samples, 'mysql_info_schema_innodb_tablespace_file_size_bytes', { tablespace_name: `${DB}/seq` })).toBe(Number(sizes[0].size));
  });

  it('reuses its connections across scrapes: at most 2, the same server threads', async () => {
    await h.scrape();
    const first = (await threadsOf(USER, server())).map((t) => t.id).sort();
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first.length).toBeLessThanOrEqual(2);
    for (let i = 0; i < 5; i++) await h.scrape();
    const later = (await threadsOf(USER, server())).map((t) => t.id).sort();
    expect(later.length).toBeLessThanOrEqual(2);
    expect(later.filter((id) => first.includes(id)).length).toBeGreaterThanOrEqual(1);
  });

  it('marks only the failing collector: a missing heartbeat table gives success 0, the rest intact', async () => {
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword="${PASSWORD}"\nhost=${server().host}\nport=${server().port}\n`);
    const other = await startHarness([`--config.my-cnf=${cnf}`, '--collect.heartbeat', '--collect.heartbeat.database=scrapekit_test_nonexistent']);
    try {
      const { status, samples } = await other.scrape();
      expect(status).toBe(200);
      expect(sampleValue(samples, 'mysql_up')).toBe(1);
      expect(sampleValue(samples, 'mysql_exporter_collector_success', { collector: 'collect.heartbeat' })).toBe(0);
      expect(sampleValue(samples, 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
      expect(samples.some((s) => s.name === 'mysql_global_status_uptime')).toBe(true);
    } finally {
      await other.close();
    }
  });
}
