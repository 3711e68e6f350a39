import { describe, expect, it } from 'vitest';
import { fileInstancesCollector } from '../../src/collectors/perf_schema_file_instances.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('perf_schema.file_instances', () => {
  it('filters server-side, strips the data directory, splits read/write', async () => {
    const target = fakeTarget([[/file_summary_by_instance/, result(
      ['FILE_NAME', 'EVENT_NAME', 'COUNT_READ', 'COUNT_WRITE', 'SUM_NUMBER_OF_BYTES_READ', 'SUM_NUMBER_OF_BYTES_WRITE'],
      [['/var/lib/mysql/ibdata1', 'wait/io/file/innodb/innodb_data_file', '10', '20', '1024', '2048']],
    )]], { settings: { fileInstancesFilter: "ib'data" } });
    const f = await run(fileInstancesCollector, target);
    expect(target.queries[0]).toContain("REGEXP 'ib''data'");
    expect(value(f, 'mysql_perf_schema_file_instances_total', { file_name: 'ibdata1', mode: 'write' })).toBe(20);
    expect(value(f, 'mysql_perf_schema_file_instances_bytes', { file_name: 'ibdata1', mode: 'read' })).toBe(1024);
    expect(family(f, 'mysql_perf_schema_file_instances_bytes')?.type).toBe('counter');
  });
});
