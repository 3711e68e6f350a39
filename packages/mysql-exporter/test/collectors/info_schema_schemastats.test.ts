import { describe, expect, it } from 'vitest';
import { schemaStatsCollector } from '../../src/collectors/info_schema_schemastats.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('info_schema.schemastats', () => {
  it('sums table statistics by schema when userstat is on', async () => {
    const f = await run(schemaStatsCollector, fakeTarget([
      [/userstat/, result(['Variable_name', 'Value'], [['userstat', 'ON']])],
      [/TABLE_STATISTICS GROUP BY/, result(['TABLE_SCHEMA', 'ROWS_READ', 'ROWS_CHANGED', 'ROWS_CHANGED_X_INDEXES'], [['shop', '100', '7', '14']])],
    ]));
    expect(value(f, 'mysql_info_schema_schema_statistics_rows_read_total', { schema: 'shop' })).toBe(100);
    expect(value(f, 'mysql_info_schema_schema_statistics_rows_changed_x_indexes_total', { schema: 'shop' })).toBe(14);
  });
});
