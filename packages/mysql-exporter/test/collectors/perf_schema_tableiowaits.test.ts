import { describe, expect, it } from 'vitest';
import { indexIoWaitsCollector } from '../../src/collectors/perf_schema_indexiowaits.js';
import { tableIoWaitsCollector } from '../../src/collectors/perf_schema_tableiowaits.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('perf_schema.tableiowaits', () => {
  it('table and index I/O waits: inserts only on the NONE index', async () => {
    const cols = ['OBJECT_SCHEMA', 'OBJECT_NAME', 'INDEX_NAME', 'COUNT_FETCH', 'COUNT_INSERT', 'COUNT_UPDATE', 'COUNT_DELETE', 'SUM_TIMER_FETCH', 'SUM_TIMER_INSERT', 'SUM_TIMER_UPDATE', 'SUM_TIMER_DELETE'];
    const idx = await run(indexIoWaitsCollector, fakeTarget([[/by_index_usage/, result(cols, [
      ['shop', 'orders', 'PRIMARY', '9', '0', '2', '1', '1000000000000', '0', '0', '0'], ['shop', 'orders', 'NONE', '0', '5', '0', '0', '0', '0', '0', '0'],
    ])]]));
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'PRIMARY', operation: 'fetch' })).toBe(9);
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'PRIMARY', operation: 'insert' })).toBeUndefined();
    expect(value(idx, 'mysql_perf_schema_index_io_waits_total', { index: 'NONE', operation: 'insert' })).toBe(5);
    const tbl = await run(tableIoWaitsCollector, fakeTarget([[/summary_by_table/, result(cols.filter((c) => c !== 'INDEX_NAME'), [['shop', 'orders', '9', '5', '2', '1', '0', '0', '0', '4000000000000']])]]));
    expect(value(tbl, 'mysql_perf_schema_table_io_waits_seconds_total', { operation: 'delete' })).toBe(4);
    expect(value(tbl, 'mysql_perf_schema_table_io_waits_total', { schema: 'shop', name: 'orders', operation: 'insert' })).toBe(5);
  });
});
