import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { clientStatsCollector } from '../../src/collectors/info_schema_clientstats.js';
import { tableStatsCollector } from '../../src/collectors/info_schema_tablestats.js';
import { userStatsCollector } from '../../src/collectors/info_schema_userstats.js';
import { USERSTAT_ON, fakeTarget, family, result, run, value } from '../fake-target.js';

describe('info_schema.userstats', () => {
  it('report no data while userstat is OFF', async () => {
    const off = fakeTarget([[/userstat/, result(['Variable_name', 'Value'], [['userstat', 'OFF']])]]);
    await expect(run(tableStatsCollector, off)).rejects.toBeInstanceOf(NoDataError);
    await expect(run(userStatsCollector, off)).rejects.toBeInstanceOf(NoDataError);
    expect(off.queries.every((q) => /userstat/.test(q))).toBe(true);
  });
  it('userstats and clientstats: known columns typed, unknown ones untyped', async () => {
    const cols = ['USER', 'TOTAL_CONNECTIONS', 'CONCURRENT_CONNECTIONS', 'CONNECTED_TIME', 'BUSY_TIME', 'ROWS_READ', 'MAX_STATEMENT_TIME_EXCEEDED', 'NEW_COLUMN'];
    const u = await run(userStatsCollector, fakeTarget([USERSTAT_ON, [/user_statistics/, result(cols, [['app', '10', '2', '300', '1.5', '99', '1', '7']])]]));
    expect(family(u, 'mysql_info_schema_user_statistics_total_connections')?.type).toBe('counter');
    expect(family(u, 'mysql_info_schema_user_statistics_concurrent_connections')?.type).toBe('gauge');
    expect(value(u, 'mysql_info_schema_user_statistics_busy_seconds_total', { user: 'app' })).toBe(1.5);
    expect(value(u, 'mysql_info_schema_user_statistics_connected_time_seconds_total')).toBe(300);
    expect(family(u, 'mysql_info_schema_user_statistics_new_column')?.type).toBe('untyped');
    expect(family(u, 'mysql_info_schema_user_statistics_max_statement_time_exceeded')?.type).toBe('untyped');
    const c = await run(clientStatsCollector, fakeTarget([USERSTAT_ON, [/client_statistics/, result(['CLIENT', ...cols.slice(1)], [['10.0.0.5', '10', '2', '300', '1.5', '99', '1', '7']])]]));
    expect(value(c, 'mysql_info_schema_client_statistics_max_statement_time_exceeded_total', { client: '10.0.0.5' })).toBe(1);
    expect(value(c, 'mysql_info_schema_client_statistics_rows_read_total', { client: '10.0.0.5' })).toBe(99);
  });
});
