import { describe, expect, it } from 'vitest';
import { binlogSizeCollector } from '../../src/collectors/binlog_size.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('binlog_size', () => {
  it('binlog_size asks for the logs only when log_bin is on', async () => {
    const off = fakeTarget([['SELECT @@log_bin', result(['@@log_bin'], [['0']])]]);
    expect(await run(binlogSizeCollector, off)).toEqual([]);
    expect(off.queries).toEqual(['SELECT @@log_bin']);
    const f = await run(binlogSizeCollector, fakeTarget([['SELECT @@log_bin', result(['@@log_bin'], [['1']])], ['SHOW BINARY LOGS', result(['Log_name', 'File_size'], [
      ['mysql-bin.000041', '1000'], ['mysql-bin.000042', '234'],
    ])]]));
    expect(value(f, 'mysql_binlog_size_bytes')).toBe(1234);
    expect(value(f, 'mysql_binlog_files')).toBe(2);
    expect(value(f, 'mysql_binlog_file_number')).toBe(42);
  });
});
