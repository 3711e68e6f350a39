import { readFileSync } from 'node:fs';
import { collectOnce, type Collector, type MetricFamily } from '@scrapekit/exporter-kit';
import {
  DEFAULT_COLLECTOR_SETTINGS, parseServerVersion, QueryError,
  type CollectorSettings, type MysqlTarget, type QueryResult,
} from '../src/target.js';

/** A recorded result set (test/fixtures/<server>/<name>.json, written by fixtures/record.mjs). */
export function fixture(server: string, name: string): QueryResult {
  const url = new URL(`./fixtures/${server}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as QueryResult;
}

export function result(columns: string[], rows: Array<Array<string | null>>): QueryResult {
  return { columns, rows };
}

export type Answer = QueryResult | QueryError | ((sql: string) => QueryResult);

/**
 * A target answering from recorded result sets: each entry matches a statement by exact text or
 * by regular expression. A statement nobody answers fails like an unknown table would, and every
 * statement is logged in `queries` so tests can check what was (not) sent.
 */
export function fakeTarget(
  answers: ReadonlyArray<readonly [string | RegExp, Answer]>,
  opts: { version?: string; settings?: Partial<CollectorSettings> } = {},
): MysqlTarget & { queries: string[] } {
  const version = opts.version ?? '10.11.19-MariaDB-0+deb12u1';
  const queries: string[] = [];
  return {
    queries,
    serverVersion: parseServerVersion(version),
    isMariaDB: /mariadb/i.test(version),
    settings: { ...DEFAULT_COLLECTOR_SETTINGS, ...opts.settings },
    async query(sql: string) {
      queries.push(sql);
      for (const [match, answer] of answers) {
        const hit = typeof match === 'string' ? match === sql : match.test(sql);
        if (!hit) continue;
        if (answer instanceof QueryError) throw answer;
        return typeof answer === 'function' ? answer(sql) : answer;
      }
      throw new QueryError(`fake target: no answer for ${sql}`, 1146, 'ER_NO_SUCH_TABLE');
    },
  };
}

export function syntaxError(): QueryError {
  return new QueryError('You have an error in your SQL syntax', 1064, 'ER_PARSE_ERROR');
}

export async function run(collector: Collector<MysqlTarget>, target: MysqlTarget): Promise<MetricFamily[]> {
  return collectOnce(collector, target);
}

export function family(families: readonly MetricFamily[], name: string): MetricFamily | undefined {
  return families.find((f) => f.name === name);
}

/** The value of the one sample of `name` whose labels include `labels`. */
export function value(families: readonly MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const f = family(families, name);
  const s = f?.samples.find((x) => Object.entries(labels).every(([k, v]) => x.labels[k] === v));
  return s?.value;
}

/** The fixture's value for a SHOW STATUS/VARIABLES name, as a number. */
export function fixtureValue(r: QueryResult, name: string): number {
  const row = r.rows.find((x) => x[0] === name);
  if (!row) throw new Error(`fixture has no ${name}`);
  return Number(row[1]);
}

/** The recorded MariaDB the fixtures come from (fixtures/mariadb-10.11/). */
export const MARIADB = 'mariadb-10.11';

/** The answer that tells the userstat collectors (tablestats, userstats, clientstats) the plugin is on. */
export const USERSTAT_ON: readonly [RegExp, QueryResult] = [/userstat/, result(['Variable_name', 'Value'], [['userstat', 'ON']])];
