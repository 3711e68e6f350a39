import { describe, expect, it } from 'vitest';
import { autoIncrementCollector } from '../../src/collectors/info_schema_auto_increment.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('auto_increment.columns', () => {
  it('reports the next value and the type\'s maximum', async () => {
    const f = await run(autoIncrementCollector, fakeTarget([[/auto_increment/, result(
      ['table_schema', 'table_name', 'column_name', 'auto_increment', 'max_int'], [['shop', 'orders', 'id', '1001', '4294967295']],
    )]]));
    expect(value(f, 'mysql_info_schema_auto_increment_column', { schema: 'shop', table: 'orders', column: 'id' })).toBe(1001);
    expect(value(f, 'mysql_info_schema_auto_increment_column_max', { column: 'id' })).toBe(4294967295);
  });
});
