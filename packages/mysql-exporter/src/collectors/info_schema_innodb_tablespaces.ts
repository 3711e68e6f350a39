import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, versionAtLeast, type MysqlTarget, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

/**
 * The table was renamed INNODB_TABLESPACES in MySQL 8.0; FILE_FORMAT exists only up to MySQL 5.7
 * and SPACE_TYPE not in MariaDB 10.5+. Columns a server lacks become 'NONE', as in mysqld_exporter.
 */
export function innodbTablespacesQuery(t: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): string {
  const mysql8 = !t.isMariaDB && versionAtLeast(t.serverVersion, 8, 0);
  const table = mysql8 ? 'information_schema.INNODB_TABLESPACES' : 'information_schema.INNODB_SYS_TABLESPACES';
  const fileFormat = !t.isMariaDB && !mysql8 ? "IFNULL(FILE_FORMAT, 'NONE')" : "'NONE'";
  const spaceType = t.isMariaDB && versionAtLeast(t.serverVersion, 10, 5) ? "'NONE'" : "IFNULL(SPACE_TYPE, 'NONE')";
  return (
    `SELECT SPACE, NAME, ${fileFormat} AS FILE_FORMAT, IFNULL(ROW_FORMAT, 'NONE') AS ROW_FORMAT, ${spaceType} AS SPACE_TYPE, ` +
    `FILE_SIZE, ALLOCATED_SIZE FROM ${table}`
  );
}

const P = 'mysql_info_schema_innodb_tablespace_';

export function writeInnodbTablespaces(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const name = r.name ?? '';
    out.gauge(P + 'space_info', 'InnoDB tablespace (value: its space id).', num(r.space) ?? 0, {
      tablespace_name: name, file_format: r.file_format ?? 'NONE', row_format: r.row_format ?? 'NONE', space_type: r.space_type ?? 'NONE',
    });
    out.gauge(P + 'file_size_bytes', 'Apparent size of the tablespace file.', num(r.file_size) ?? 0, { tablespace_name: name });
    out.gauge(P + 'allocated_size_bytes', 'Space the tablespace file occupies on disk.', num(r.allocated_size) ?? 0, { tablespace_name: name });
  }
}

export const innodbTablespacesCollector = defineMysqlCollector({
  name: 'info_schema.innodb_tablespaces',
  help: 'Collect metrics from information_schema.innodb_sys_tablespaces',
  defaultEnabled: false,
  supports: (t) => t.isMariaDB || versionAtLeast(t.serverVersion, 5, 7),
  async scrape({ target, out, signal }) {
    writeInnodbTablespaces(await target.query(innodbTablespacesQuery(target), signal), out);
  },
});
