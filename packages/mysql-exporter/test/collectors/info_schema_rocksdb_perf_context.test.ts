import { describe, expect, it } from 'vitest';
import { rocksdbPerfContextCollector } from '../../src/collectors/info_schema_rocksdb_perf_context.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('info_schema.rocksdb_perf_context (MyRocks only)', () => {
  it('info_schema.rocksdb_perf_context: known stat types as counters by table', async () => {
    const f = await run(rocksdbPerfContextCollector, fakeTarget([[/ROCKSDB_PERF_CONTEXT/, result(
      ['TABLE_SCHEMA', 'TABLE_NAME', 'PARTITION_NAME', 'STAT_TYPE', 'VALUE'],
      [['shop', 'orders', '', 'BLOCK_READ_BYTE', '4096'], ['shop', 'orders', '', 'SOMETHING_NEW', '1']],
    )]], { version: '8.0.32' }));
    expect(value(f, 'mysql_info_schema_rocksdb_perf_context_block_read_byte', { schema: 'shop', table: 'orders', part: '' })).toBe(4096);
    expect(f).toHaveLength(1);
  });
});
