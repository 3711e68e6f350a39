import { describe, expect, it } from 'vitest';
import { collectors } from '../../src/collectors/index.js';

describe('the registry', () => {
  it('has mysqld_exporter\'s six defaults on and the rest off', () => {
    expect(collectors.filter((c) => c.defaultEnabled).map((c) => c.name).sort()).toEqual([
      'global_status', 'global_variables', 'info_schema.innodb_cmp', 'info_schema.innodb_cmpmem', 'info_schema.query_response_time', 'slave_status',
    ]);
    const names = collectors.map((c) => c.name);
    for (const n of ['info_schema.processlist', 'info_schema.tables', 'info_schema.tablestats', 'info_schema.innodb_metrics', 'info_schema.userstats',
      'info_schema.clientstats', 'perf_schema.eventsstatementssum', 'perf_schema.eventswaits', 'perf_schema.tableiowaits', 'perf_schema.indexiowaits',
      'perf_schema.tablelocks', 'perf_schema.file_events', 'perf_schema.replication_group_members', 'binlog_size', 'heartbeat', 'engine_innodb_status']) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});
