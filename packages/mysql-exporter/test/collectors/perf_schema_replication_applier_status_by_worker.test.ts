import { describe, expect, it } from 'vitest';
import { applierByWorkerCollector, applierTimestamp } from '../../src/collectors/perf_schema_replication_applier_status_by_worker.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('perf_schema.replication_applier_status_by_worker (MySQL only)', () => {
  it('applier worker timestamps become Unix seconds; zero dates 0', async () => {
    expect(applierTimestamp('2024-01-02 03:04:05.250000')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000 + 0.25);
    expect(applierTimestamp('0000-00-00 00:00:00.000000')).toBe(0);
    expect(applierTimestamp(null)).toBe(0);
    const f = await run(applierByWorkerCollector, fakeTarget([[/replication_applier_status_by_worker/, (sql) => {
      const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
      return result(cols, [cols.map((c) => (c === 'CHANNEL_NAME' ? '' : c === 'WORKER_ID' ? '1' : '2024-01-02 03:04:05.000000'))]);
    }]], { version: '8.0.36' }));
    expect(f).toHaveLength(7);
    expect(value(f, 'mysql_perf_schema_last_applied_transaction_end_apply_timestamp_seconds', { channel_name: '', member_id: '1' })).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000);
  });
});
