import { describe, expect, it } from 'vitest';
import { innodbMetricsCollector, innodbMetricsQuery } from '../../src/collectors/info_schema_innodb_metrics.js';
import { parseServerVersion } from '../../src/target.js';
import { fakeTarget, family, fixture, result, run, value } from '../fake-target.js';

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
