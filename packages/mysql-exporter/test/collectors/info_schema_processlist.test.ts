import { describe, expect, it } from 'vitest';
import { processlistCollector } from '../../src/collectors/info_schema_processlist.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('info_schema.processlist', () => {
  it('sums grouped rows by command/state, user and host', async () => {
    const rows = result(['user', 'host', 'command', 'state', 'processes', 'seconds'], [
      ['app', '10.0.0.5', 'Query', 'Sending data', '3', '12'],
      ['app', '10.0.0.6', 'Query', 'Sending data', '2', '1'],
      ['repl', '', 'Binlog Dump', 'Master has sent all binlog to slave; waiting for more updates', '1', '9000'],
      ['app', '10.0.0.5', 'Sleep', '', '7', '70'],
    ]);
    const target = fakeTarget([[/information_schema\.processlist/, rows]], { settings: { processlistMinTime: 5 } });
    const f = await run(processlistCollector, target);
    expect(target.queries[0]).toContain('TIME >= 5');
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'query', state: 'sending_data' })).toBe(5);
    expect(value(f, 'mysql_info_schema_processlist_seconds', { command: 'query', state: 'sending_data' })).toBe(13);
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'sleep', state: 'unknown' })).toBe(7);
    expect(value(f, 'mysql_info_schema_processlist_threads', { command: 'binlog_dump', state: 'master_has_sent_all_binlog_to_slave_waiting_for_more_updates' })).toBe(1);
    expect(value(f, 'mysql_info_schema_processlist_processes_by_user', { mysql_user: 'app' })).toBe(12);
    expect(value(f, 'mysql_info_schema_processlist_processes_by_host', { client_host: 'unknown' })).toBe(1);
    const noUsers = await run(processlistCollector, fakeTarget([[/processlist/, rows]], { settings: { processesByUser: false, processesByHost: false } }));
    expect(family(noUsers, 'mysql_info_schema_processlist_processes_by_user')).toBeUndefined();
    expect(family(noUsers, 'mysql_info_schema_processlist_processes_by_host')).toBeUndefined();
  });
});
