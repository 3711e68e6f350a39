import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { userSummaryCollector } from '../../src/collectors/sys_user_summary.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('sys.user_summary', () => {
  it('latencies from picoseconds, memory in bytes', async () => {
    const f = await run(userSummaryCollector, fakeTarget([[/x\$user_summary/, result(
      ['user', 'statements', 'statement_latency', 'table_scans', 'file_ios', 'file_io_latency', 'current_connections', 'total_connections', 'unique_hosts', 'current_memory', 'total_memory_allocated'],
      [['app', '50', '3000000000000', '2', '9', '500000000000', '4', '40', '2', '1048576', '9999']],
    )]]));
    expect(value(f, 'mysql_sys_statement_latency', { user: 'app' })).toBe(3);
    expect(value(f, 'mysql_sys_file_io_seconds_total', { user: 'app' })).toBe(0.5);
    expect(family(f, 'mysql_sys_current_memory_bytes')?.type).toBe('gauge');
    expect(value(f, 'mysql_sys_connections_total')).toBe(40);
    await expect(run(userSummaryCollector, fakeTarget([], { version: '10.5.20-MariaDB' }))).rejects.toBeInstanceOf(NoDataError);
  });
});
