import { describe, expect, it } from 'vitest';
import { engineInnodbStatusCollector, parseInnodbStatus } from '../../src/collectors/engine_innodb_status.js';
import { fakeTarget, fixture, run, value } from '../fake-target.js';

describe('engine_innodb_status', () => {
  it('engine_innodb_status reads the monitor text', async () => {
    expect(parseInnodbStatus('...\n2 queries inside InnoDB, 5 queries in queue\n3 read views open inside InnoDB\n')).toEqual({ queriesInside: 2, queriesInQueue: 5, readViewsOpen: 3 });
    const recorded = fixture('mariadb-10.11', 'engine_innodb_status');
    const f = await run(engineInnodbStatusCollector, fakeTarget([['SHOW ENGINE INNODB STATUS', recorded]]));
    const views = /(\d+) read views open inside InnoDB/.exec(recorded.rows[0][2] ?? '');
    expect(value(f, 'mysql_engine_innodb_read_views_open_inside_innodb')).toBe(Number(views?.[1]));
  });
});
