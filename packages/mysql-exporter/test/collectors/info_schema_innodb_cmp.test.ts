import { describe, expect, it } from 'vitest';
import { innodbCmpCollector, INNODB_CMP_QUERY } from '../../src/collectors/info_schema_innodb_cmp.js';
import { innodbCmpmemCollector, INNODB_CMPMEM_QUERY } from '../../src/collectors/info_schema_innodb_cmpmem.js';
import { MARIADB, fakeTarget, family, fixture, result, run, value } from '../fake-target.js';

describe('innodb_cmp and innodb_cmpmem on recorded rows', () => {
  it('exports counters by page size', async () => {
    const cmp = fixture(MARIADB, 'innodb_cmp');
    const f = await run(innodbCmpCollector, fakeTarget([[INNODB_CMP_QUERY, cmp]]));
    expect(family(f, 'mysql_info_schema_innodb_cmp_compress_ops_total')?.samples.map((s) => s.labels.page_size)).toEqual(cmp.rows.map((r) => r[0]));
    expect(family(f, 'mysql_info_schema_innodb_cmp_uncompress_time_seconds_total')?.type).toBe('counter');
  });
  it('divides relocation_time by 1000 and labels the buffer pool', async () => {
    const f = await run(innodbCmpmemCollector, fakeTarget([[INNODB_CMPMEM_QUERY, result(
      ['page_size', 'buffer_pool_instance', 'pages_used', 'pages_free', 'relocation_ops', 'relocation_time'],
      [['1024', '0', '3', '4', '5', '2500']],
    )]]));
    const labels = { page_size: '1024', buffer_pool: '0' };
    expect(value(f, 'mysql_info_schema_innodb_cmpmem_relocation_time_seconds_total', labels)).toBe(2.5);
    expect(value(f, 'mysql_info_schema_innodb_cmpmem_pages_used_total', labels)).toBe(3);
    expect(family(f, 'mysql_info_schema_innodb_cmpmem_pages_free_total')?.type).toBe('counter');
  });
});
