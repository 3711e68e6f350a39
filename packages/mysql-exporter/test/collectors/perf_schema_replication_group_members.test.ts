import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { replicationGroupMembersCollector } from '../../src/collectors/perf_schema_replication_group_members.js';
import { fakeTarget, family, result, run } from '../fake-target.js';

describe('perf_schema.replication_group_members', () => {
  it('replication_group_members: columns become labels; not on MariaDB', async () => {
    const f = await run(replicationGroupMembersCollector, fakeTarget([[/replication_group_members/, result(
      ['CHANNEL_NAME', 'MEMBER_ID', 'MEMBER_HOST', 'MEMBER_PORT', 'MEMBER_STATE', 'MEMBER_ROLE'], [['group_replication_applier', 'u1', 'db1', '3306', 'ONLINE', 'PRIMARY']],
    )]], { version: '8.0.36' }));
    expect(family(f, 'mysql_perf_schema_replication_group_member_info')?.samples[0].labels).toMatchObject({ member_host: 'db1', member_state: 'ONLINE', member_role: 'PRIMARY' });
    await expect(run(replicationGroupMembersCollector, fakeTarget([]))).rejects.toBeInstanceOf(NoDataError);
  });
});
