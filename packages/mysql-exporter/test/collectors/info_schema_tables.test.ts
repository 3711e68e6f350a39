import { describe, expect, it } from 'vitest';
import { tablesCollector } from '../../src/collectors/info_schema_tables.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

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
