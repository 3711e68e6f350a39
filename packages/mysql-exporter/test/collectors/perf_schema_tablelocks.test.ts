import { describe, expect, it } from 'vitest';
import { tableLocksCollector } from '../../src/collectors/perf_schema_tablelocks.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('perf_schema.tablelocks', () => {
  it('tablelocks: SQL and external lock families', async () => {
    const f = await run(tableLocksCollector, fakeTarget([[/table_lock_waits_summary_by_table/, (sql) => {
      const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
      return result(cols, [cols.map((c) => (c === 'OBJECT_SCHEMA' ? 'shop' : c === 'OBJECT_NAME' ? 'orders' : c === 'COUNT_WRITE_EXTERNAL' ? '4' : c === 'COUNT_READ_NORMAL' ? '6' : '0'))]);
    }]]));
    expect(value(f, 'mysql_perf_schema_sql_lock_waits_total', { operation: 'read_normal' })).toBe(6);
    expect(value(f, 'mysql_perf_schema_external_lock_waits_total', { operation: 'write' })).toBe(4);
    expect(family(f, 'mysql_perf_schema_sql_lock_waits_total')?.samples).toHaveLength(8);
  });
});
