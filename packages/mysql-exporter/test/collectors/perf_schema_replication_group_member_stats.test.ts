import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { groupMemberStatsCollector } from '../../src/collectors/perf_schema_replication_group_member_stats.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('perf_schema.replication_group_member_stats (MySQL only)', () => {
  it('member stats: counters and queue gauges; absent columns skipped', async () => {
    const f = await run(groupMemberStatsCollector, fakeTarget([[/replication_group_member_stats/, result(
      ['CHANNEL_NAME', 'MEMBER_ID', 'COUNT_TRANSACTIONS_IN_QUEUE', 'COUNT_TRANSACTIONS_CHECKED', 'COUNT_CONFLICTS_DETECTED'], [['gr', 'u1', '3', '100', '2']],
    )]], { version: '8.0.36' }));
    expect(family(f, 'mysql_perf_schema_transactions_in_queue')?.type).toBe('gauge');
    expect(value(f, 'mysql_perf_schema_transactions_checked_total')).toBe(100);
    expect(value(f, 'mysql_perf_schema_conflicts_detected_total')).toBe(2);
    expect(family(f, 'mysql_perf_schema_transactions_remote_applied_total')).toBeUndefined();
    await expect(run(groupMemberStatsCollector, fakeTarget([]))).rejects.toBeInstanceOf(NoDataError);
  });
});
