import { NoDataError, type Collector, type CollectContext, type Logger, type MetricSink } from '@scrapekit/exporter-kit';
import { QueryError, type MysqlTarget, type QueryResult } from '../target.js';

export interface ScrapeArgs {
  readonly target: MysqlTarget;
  readonly out: MetricSink;
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

export interface MysqlCollectorDefinition {
  /** mysqld_exporter's scraper name; the flag is --collect.<name>. */
  readonly name: string;
  readonly help: string;
  readonly defaultEnabled: boolean;
  /**
   * Whether this server can have the data (version and flavour). A server that cannot reports
   * "no data", which counts as success: like the Go exporter skipping scrapers by Version().
   */
  readonly supports?: (target: MysqlTarget) => boolean;
  scrape(args: ScrapeArgs): Promise<void>;
}

/** A mysqld_exporter-style scraper as a kit Collector. */
export function defineMysqlCollector(def: MysqlCollectorDefinition): Collector<MysqlTarget> {
  return {
    name: def.name,
    help: def.help,
    defaultEnabled: def.defaultEnabled,
    async collect(ctx: CollectContext<MysqlTarget>, out: MetricSink): Promise<void> {
      if (def.supports && !def.supports(ctx.target)) {
        throw new NoDataError(`${def.name}: not available on ${ctx.target.serverVersion.text}`);
      }
      await def.scrape({ target: ctx.target, out, signal: ctx.signal, logger: ctx.logger });
    },
  };
}

/**
 * Runs a query whose table or variable may legitimately be missing (plugin not installed,
 * performance_schema off): those server errors become NoDataError instead of a failure.
 */
export async function queryOrNoData(
  target: MysqlTarget,
  sql: string,
  signal: AbortSignal,
  absentErrnos: readonly number[],
): Promise<QueryResult> {
  try {
    return await target.query(sql, signal);
  } catch (err) {
    if (err instanceof QueryError && err.errno !== undefined && absentErrnos.includes(err.errno)) {
      throw new NoDataError(err.message);
    }
    throw err;
  }
}

/**
 * The user-statistics collectors only work when the (Percona/MariaDB) `userstat` variable is ON;
 * otherwise the tables are empty or missing and the Go exporter reports nothing, successfully.
 */
export async function requireUserstat(target: MysqlTarget, signal: AbortSignal): Promise<void> {
  let result: QueryResult;
  try {
    result = await target.query("SHOW GLOBAL VARIABLES WHERE Variable_Name='userstat' OR Variable_Name='userstat_running'", signal);
  } catch (err) {
    if (err instanceof QueryError) throw new NoDataError(`userstat unavailable: ${err.message}`);
    throw err;
  }
  const on = result.rows.some((r) => (r[1] ?? '').toUpperCase() === 'ON');
  if (!on) throw new NoDataError('userstat is OFF');
}
