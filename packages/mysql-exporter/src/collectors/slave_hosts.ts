import type { MetricSink } from '@scrapekit/exporter-kit';
import { ER_PARSE_ERROR, QueryError, records, versionAtLeast, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

/** SHOW REPLICAS replaced SHOW SLAVE HOSTS in MySQL 8.0.22 (and is the only form in 8.4). */
export function replicaHostsStatements(t: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): string[] {
  return !t.isMariaDB && versionAtLeast(t.serverVersion, 8, 0, 22) ? ['SHOW REPLICAS', 'SHOW SLAVE HOSTS'] : ['SHOW SLAVE HOSTS', 'SHOW REPLICAS'];
}

/**
 * One info series per connected replica. The name keeps mysqld_exporter's odd
 * `mysql_heartbeat_mysql_slave_hosts_info`; old and new column spellings are both read.
 */
export function writeSlaveHosts(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    out.gauge('mysql_heartbeat_mysql_slave_hosts_info', 'A replica connected to this server (value 1).', 1, {
      server_id: r.server_id ?? '',
      slave_host: r.host ?? '',
      port: r.port ?? '',
      master_id: r.master_id ?? r.source_id ?? '',
      slave_uuid: r.slave_uuid ?? r.replica_uuid ?? '',
    });
  }
}

export const slaveHostsCollector = defineMysqlCollector({
  name: 'slave_hosts',
  help: 'Scrape information from \'SHOW SLAVE HOSTS\'',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    const [first, second] = replicaHostsStatements(target);
    let result: QueryResult;
    try {
      result = await target.query(first, signal);
    } catch (err) {
      // Only a syntax error means "the other spelling"; a missing privilege is reported as is.
      if (!(err instanceof QueryError) || err.errno !== ER_PARSE_ERROR) throw err;
      result = await target.query(second, signal);
    }
    writeSlaveHosts(result, out);
  },
});
