import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, records, type MysqlTarget, type QueryResult } from '../target.js';
import { sqlString } from '../sql.js';
import { defineMysqlCollector } from './define.js';

const SYSTEM_SCHEMAS = "('mysql', 'performance_schema', 'information_schema', 'sys')";

export function tablesQuery(schemas: readonly string[]): string {
  return (
    "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IFNULL(ENGINE, 'NONE') AS ENGINE, IFNULL(VERSION, '0') AS VERSION, " +
    "IFNULL(ROW_FORMAT, 'NONE') AS ROW_FORMAT, IFNULL(TABLE_ROWS, '0') AS TABLE_ROWS, IFNULL(DATA_LENGTH, '0') AS DATA_LENGTH, " +
    "IFNULL(INDEX_LENGTH, '0') AS INDEX_LENGTH, IFNULL(DATA_FREE, '0') AS DATA_FREE, IFNULL(CREATE_OPTIONS, 'NONE') AS CREATE_OPTIONS " +
    `FROM information_schema.tables WHERE TABLE_SCHEMA IN (${schemas.map(sqlString).join(', ')})`
  );
}

const P = 'mysql_info_schema_table_';

export function writeTables(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const schema = r.table_schema ?? '';
    const table = r.table_name ?? '';
    out.gauge(P + 'version', 'Table version (value) with its type, engine and row format.', num(r.version) ?? 0, {
      schema,
      table,
      type: r.table_type ?? '',
      engine: r.engine ?? '',
      row_format: r.row_format ?? '',
      create_options: r.create_options ?? '',
    });
    out.gauge(P + 'rows', 'Estimated rows in the table.', num(r.table_rows) ?? 0, { schema, table });
    out.gauge(P + 'size', 'Table size in bytes, by component.', num(r.data_length) ?? 0, { schema, table, component: 'data_length' });
    out.gauge(P + 'size', 'Table size in bytes, by component.', num(r.index_length) ?? 0, { schema, table, component: 'index_length' });
    out.gauge(P + 'size', 'Table size in bytes, by component.', num(r.data_free) ?? 0, { schema, table, component: 'data_free' });
  }
}

async function schemasToScan(target: MysqlTarget, signal: AbortSignal): Promise<string[]> {
  const setting = target.settings.tablesDatabases.trim();
  if (setting !== '*') return setting.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const result = await target.query(`SELECT SCHEMA_NAME FROM information_schema.schemata WHERE SCHEMA_NAME NOT IN ${SYSTEM_SCHEMAS}`, signal);
  return result.rows.map((r) => r[0] ?? '').filter((s) => s !== '');
}

export const tablesCollector = defineMysqlCollector({
  name: 'info_schema.tables',
  help: 'Collect metrics from information_schema.tables',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    const schemas = await schemasToScan(target, signal);
    if (schemas.length === 0) return;
    // One query for all schemas, where the Go exporter sends one per schema (issue #261: thousands
    // of schemas made scrapes take minutes).
    writeTables(await target.query(tablesQuery(schemas), signal), out);
  },
});
