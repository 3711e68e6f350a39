import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { replicaHostCollector } from '../../src/collectors/info_schema_replica_host.js';
import { QueryError } from '../../src/target.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('info_schema.replica_host (Aurora only)', () => {
  it('info_schema.replica_host (Aurora): units converted; unknown table is no data', async () => {
    const f = await run(replicaHostCollector, fakeTarget([[/replica_host_status/, result(
      ['SERVER_ID', 'ROLE', 'CPU', 'MASTER_SLAVE_LATENCY_IN_MICROSECONDS', 'REPLICA_LAG_IN_MILLISECONDS', 'LOG_STREAM_SPEED_IN_KiB_PER_SECOND', 'CURRENT_REPLAY_LATENCY_IN_MICROSECONDS'],
      [['db-1', 'reader', '12.5', '2500', '20', '3.5', '1500000']],
    )]], { version: '8.0.32' }));
    const labels = { server_id: 'db-1', role: 'reader' };
    expect(value(f, 'mysql_info_schema_replica_host_replica_latency_seconds', labels)).toBeCloseTo(0.0025);
    expect(value(f, 'mysql_info_schema_replica_host_lag_seconds', labels)).toBeCloseTo(0.02);
    expect(value(f, 'mysql_info_schema_replica_host_replay_latency_seconds', labels)).toBeCloseTo(1.5);
    await expect(run(replicaHostCollector, fakeTarget([[/replica_host_status/, new QueryError('Unknown table', 1109, 'ER_UNKNOWN_TABLE')]]))).rejects.toBeInstanceOf(NoDataError);
  });
});
