import { describe, expect, it } from 'vitest';
import { heartbeatCollector } from '../../src/collectors/heartbeat.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('heartbeat', () => {
  it('heartbeat reads the configured table, NOW or UTC', async () => {
    const target = fakeTarget([[/FROM `hb`\.`beats`/, result(['UNIX_TIMESTAMP(ts)', 'now', 'server_id'], [['1700000000.5', '1700000003.25', '7']])]], {
      settings: { heartbeatDatabase: 'hb', heartbeatTable: 'beats', heartbeatUtc: true },
    });
    const f = await run(heartbeatCollector, target);
    expect(target.queries[0]).toContain('UTC_TIMESTAMP(6)');
    expect(value(f, 'mysql_heartbeat_now_timestamp_seconds', { server_id: '7' }) ?? 0).toBeCloseTo(1700000003.25);
    expect(value(f, 'mysql_heartbeat_stored_timestamp_seconds', { server_id: '7' })).toBe(1700000000.5);
  });
});
