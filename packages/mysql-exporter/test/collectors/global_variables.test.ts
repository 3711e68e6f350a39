import { describe, expect, it } from 'vitest';
import { globalVariablesCollector } from '../../src/collectors/global_variables.js';
import { MARIADB, fakeTarget, family, fixture, fixtureValue, result, run, value } from '../fake-target.js';

describe('global_variables', async () => {
  const vars = fixture(MARIADB, 'global_variables');
  const families = await run(globalVariablesCollector, fakeTarget([['SHOW GLOBAL VARIABLES', vars]]));
  it('exports numeric and boolean variables as gauges', () => {
    expect(family(families, 'mysql_global_variables_max_connections')?.type).toBe('gauge');
    expect(value(families, 'mysql_global_variables_max_connections')).toBe(fixtureValue(vars, 'max_connections'));
    expect(value(families, 'mysql_global_variables_innodb_buffer_pool_size')).toBe(fixtureValue(vars, 'innodb_buffer_pool_size'));
    const autocommit = vars.rows.find((r) => r[0] === 'autocommit')?.[1];
    expect(value(families, 'mysql_global_variables_autocommit')).toBe(autocommit === 'ON' ? 1 : 0);
    expect(family(families, 'mysql_global_variables_datadir')).toBeUndefined();
  });
  it('always emits version info and the isolation level', () => {
    const version = vars.rows.find((r) => r[0] === 'version')?.[1];
    const info = family(families, 'mysql_version_info');
    expect(info?.samples[0].labels.version).toBe(version);
    const level = vars.rows.find((r) => r[0] === 'transaction_isolation' || r[0] === 'tx_isolation')?.[1];
    expect(family(families, 'mysql_transaction_isolation')?.samples[0].labels).toEqual({ level });
  });
  it('falls back to tx_isolation and reads Galera options', async () => {
    const f = await run(globalVariablesCollector, fakeTarget([['SHOW GLOBAL VARIABLES', result(['Variable_name', 'Value'], [
      ['tx_isolation', 'READ-COMMITTED'], ['wsrep_cluster_name', 'prod'], ['wsrep_provider_options', 'gcache.size = 1G; gcache.page_size = 128M;'], ['wsrep_desync', 'OFF'],
    ])]]));
    expect(family(f, 'mysql_transaction_isolation')?.samples[0].labels).toEqual({ level: 'READ-COMMITTED' });
    expect(family(f, 'mysql_galera_variables_info')?.samples[0].labels).toEqual({ wsrep_cluster_name: 'prod' });
    expect(value(f, 'mysql_galera_gcache_size_bytes')).toBe(1024 ** 3);
    expect(value(f, 'mysql_global_variables_wsrep_desync')).toBe(0);
    expect(family(f, 'mysql_version_info')?.samples[0].labels).toEqual({ innodb_version: '', version: '', version_comment: '' });
  });
});
