import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

const PRIVILEGES = [
  'Select_priv', 'Insert_priv', 'Update_priv', 'Delete_priv', 'Create_priv', 'Drop_priv', 'Reload_priv', 'Shutdown_priv', 'Process_priv',
  'File_priv', 'Grant_priv', 'References_priv', 'Index_priv', 'Alter_priv', 'Show_db_priv', 'Super_priv', 'Create_tmp_table_priv',
  'Lock_tables_priv', 'Execute_priv', 'Repl_slave_priv', 'Repl_client_priv', 'Create_view_priv', 'Show_view_priv', 'Create_routine_priv',
  'Alter_routine_priv', 'Create_user_priv', 'Event_priv', 'Trigger_priv', 'Create_tablespace_priv',
];
const LIMITS = ['max_questions', 'max_updates', 'max_connections', 'max_user_connections'];

export const MYSQL_USER_QUERY = `SELECT user, host, ${PRIVILEGES.join(', ')}, ${LIMITS.join(', ')} FROM mysql.user`;

/** mysqld_exporter's doubled `mysql_mysql_` prefix is kept: dashboards query these names. */
export function writeMysqlUser(result: QueryResult, privileges: boolean, out: MetricSink): void {
  const cols = result.columns.map((c) => c.toLowerCase());
  const at = (name: string) => cols.indexOf(name.toLowerCase());
  for (const row of result.rows) {
    const labels = { mysql_user: row[at('user')] ?? '', hostmask: row[at('host')] ?? '' };
    for (const limit of LIMITS) {
      out.gauge(`mysql_mysql_${limit}`, `Per-user ${limit} limit (0 = none).`, num(row[at(limit)]) ?? 0, labels);
    }
    if (!privileges) continue;
    for (const priv of PRIVILEGES) {
      const v = row[at(priv)];
      if (v === 'Y' || v === 'N') out.gauge(`mysql_mysql_${priv.toLowerCase()}`, `${priv} of the user (Y=1, N=0).`, v === 'Y' ? 1 : 0, labels);
    }
  }
}

export const mysqlUserCollector = defineMysqlCollector({
  name: 'mysql.user',
  help: 'Collect data from mysql.user',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeMysqlUser(await target.query(MYSQL_USER_QUERY, signal), target.settings.userPrivileges, out);
  },
});
