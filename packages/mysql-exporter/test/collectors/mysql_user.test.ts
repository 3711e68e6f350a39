import { describe, expect, it } from 'vitest';
import { mysqlUserCollector } from '../../src/collectors/mysql_user.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('mysql.user', () => {
  const answer = (sql: string) => {
    const cols = sql.slice('SELECT '.length, sql.indexOf(' FROM')).split(', ');
    return result(cols, [cols.map((c) => (c === 'user' ? 'app' : c === 'host' ? '10.%' : c === 'max_user_connections' ? '5' : c === 'Select_priv' ? 'Y' : c.endsWith('_priv') ? 'N' : '0'))]);
  };
  it('exports the limits under the doubled mysql_mysql_ prefix; privileges only when asked', async () => {
    const f = await run(mysqlUserCollector, fakeTarget([[/FROM mysql\.user/, answer]]));
    expect(value(f, 'mysql_mysql_max_user_connections', { mysql_user: 'app', hostmask: '10.%' })).toBe(5);
    expect(family(f, 'mysql_mysql_select_priv')).toBeUndefined();
    const p = await run(mysqlUserCollector, fakeTarget([[/FROM mysql\.user/, answer]], { settings: { userPrivileges: true } }));
    expect(value(p, 'mysql_mysql_select_priv', { mysql_user: 'app' })).toBe(1);
    expect(value(p, 'mysql_mysql_super_priv', { mysql_user: 'app' })).toBe(0);
    expect(p.filter((x) => x.name.endsWith('_priv'))).toHaveLength(29);
  });
});
