import { describe, expect, it } from 'vitest';
import { globalStatusCollector } from '../../src/collectors/global_status.js';
import { MARIADB, fakeTarget, family, fixture, fixtureValue, result, run, value } from '../fake-target.js';

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
