import { describe, expect, it } from 'vitest';
import { tableStatsCollector } from '../../src/collectors/info_schema_tablestats.js';
import { USERSTAT_ON, fakeTarget, result, run, value } from '../fake-target.js';

describe('info_schema.tablestats', () => {
  it('tablestats: counters by schema and table', async () => {
    const f = await run(tableStatsCollector, fakeTarget([USERSTAT_ON, [/table_statistics/, result(
      ['TABLE_SCHEMA', 'TABLE_NAME', 'ROWS_READ', 'ROWS_CHANGED', 'ROWS_CHANGED_X_INDEXES'], [['shop', 'orders', '500', '20', '40']],
    )]]));
    expect(value(f, 'mysql_info_schema_table_statistics_rows_read_total', { schema: 'shop', table: 'orders' })).toBe(500);
    expect(value(f, 'mysql_info_schema_table_statistics_rows_changed_x_indexes_total')).toBe(40);
  });
});
