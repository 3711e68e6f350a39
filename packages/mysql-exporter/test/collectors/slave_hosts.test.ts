import { describe, expect, it } from 'vitest';
import { slaveHostsCollector } from '../../src/collectors/slave_hosts.js';
import { QueryError } from '../../src/target.js';
import { fakeTarget, family, result, run, syntaxError } from '../fake-target.js';

describe('slave_hosts', () => {
  it('reads MariaDB and MySQL 8.4 spellings into the same labels', async () => {
    const maria = await run(slaveHostsCollector, fakeTarget([['SHOW SLAVE HOSTS', result(['Server_id', 'Host', 'Port', 'Master_id'], [['2', 'replica1', '3306', '1']])]]));
    expect(family(maria, 'mysql_heartbeat_mysql_slave_hosts_info')?.samples[0].labels).toEqual({ server_id: '2', slave_host: 'replica1', port: '3306', master_id: '1', slave_uuid: '' });
    const target = fakeTarget([['SHOW REPLICAS', result(['Server_Id', 'Host', 'Port', 'Source_Id', 'Replica_UUID'], [['3', 'r2', '3307', '1', 'u-3']])]], { version: '8.4.3' });
    const mysql84 = await run(slaveHostsCollector, target);
    expect(target.queries).toEqual(['SHOW REPLICAS']);
    expect(family(mysql84, 'mysql_heartbeat_mysql_slave_hosts_info')?.samples[0].labels).toEqual({ server_id: '3', slave_host: 'r2', port: '3307', master_id: '1', slave_uuid: 'u-3' });
  });
  it('falls back on a syntax error only', async () => {
    const fallback = fakeTarget([['SHOW REPLICAS', syntaxError()], ['SHOW SLAVE HOSTS', result(['Server_id', 'Host', 'Port', 'Master_id'], [])]], { version: '8.0.30' });
    expect(await run(slaveHostsCollector, fallback)).toEqual([]);
    expect(fallback.queries).toEqual(['SHOW REPLICAS', 'SHOW SLAVE HOSTS']);
    const denied = fakeTarget([['SHOW SLAVE HOSTS', new QueryError('Access denied; you need REPLICATION MASTER ADMIN', 1227, 'ER_SPECIFIC_ACCESS_DENIED_ERROR')]]);
    await expect(run(slaveHostsCollector, denied)).rejects.toThrow(/Access denied/);
    expect(denied.queries).toHaveLength(1);
  });
});
