/**
 * Integration-test helpers: root access to the real MariaDB (or a testcontainers MySQL), exporter users created with exactly
 * the grants the README documents, an in-process exporter on a free port, and a tiny parser of
 * the exposition text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, startExporter, type RunningExporter } from '@scrapekit/exporter-kit';
import mysql from 'mysql2/promise';
import { requireDependency, tcpReachable } from '../../../test/support/services.js';
import { spec } from '../src/spec.js';

export const DB_HOST = '127.0.0.1';
export const DB_PORT = 3306;

/** A server the integration suite runs against: the local MariaDB, or a testcontainers MySQL. */
export interface DbServer {
  readonly host: string;
  readonly port: number;
  readonly isMariaDB: boolean;
}

/**
 * A user, database or channel name for one test process: the same suite may run at the same
 * time from another checkout against the same shared server, and must not drop our objects.
 */
export function testName(base: string): string {
  return `${base}_${process.pid.toString(36)}`;
}

export const LOCAL_MARIADB: DbServer = { host: DB_HOST, port: DB_PORT, isMariaDB: true };

/** True when MariaDB answers on 127.0.0.1:3306; in CI a missing server fails the suite. */
export async function mariadbAvailable(): Promise<boolean> {
  return requireDependency(await tcpReachable(DB_PORT, DB_HOST), `MariaDB on ${DB_HOST}:${DB_PORT}`);
}

export async function rootConnection(server: DbServer = LOCAL_MARIADB): Promise<mysql.Connection> {
  return mysql.createConnection({ host: server.host, port: server.port, user: 'root', password: '', multipleStatements: false });
}

export async function rootQuery<T = Record<string, unknown>[]>(sql: string, server: DbServer = LOCAL_MARIADB): Promise<T> {
  const c = await rootConnection(server);
  try {
    const [rows] = await c.query(sql);
    return rows as T;
  } finally {
    await c.end();
  }
}

/** Value of one SHOW GLOBAL STATUS variable. */
export async function globalStatus(name: string, server: DbServer = LOCAL_MARIADB): Promise<number> {
  const rows = await rootQuery<Array<{ Value: string }>>(`SHOW GLOBAL STATUS LIKE '${name}'`, server);
  return Number(rows[0]?.Value);
}

/** The README's grants for this server: MariaDB 10.5+ also needs SLAVE MONITOR for replica status. */
export async function documentedGrants(server: DbServer = LOCAL_MARIADB): Promise<string> {
  const [{ v }] = await rootQuery<Array<{ v: string }>>('SELECT VERSION() AS v', server);
  const m = /^(\d+)\.(\d+)/.exec(v);
  const mariaNew = /mariadb/i.test(v) && m !== null && (Number(m[1]) > 10 || (Number(m[1]) === 10 && Number(m[2]) >= 5));
  return mariaNew ? 'PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT' : 'PROCESS, REPLICATION CLIENT, SELECT';
}

/** Creates `name`@'%' with the documented grants only. Names must start with scrapekit_test_. */
export async function createExporterUser(name: string, password: string, maxUserConnections = 3, server: DbServer = LOCAL_MARIADB): Promise<void> {
  if (!name.startsWith('scrapekit_test_')) throw new Error('test users must be prefixed scrapekit_test_');
  const grants = await documentedGrants(server);
  const c = await rootConnection(server);
  try {
    await c.query(`DROP USER IF EXISTS '${name}'@'%'`);
    await c.query(`CREATE USER '${name}'@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS ${maxUserConnections}`, [password]);
    await c.query(`GRANT ${grants} ON *.* TO '${name}'@'%'`);
  } finally {
    await c.end();
  }
}

export async function dropUser(name: string, server: DbServer = LOCAL_MARIADB): Promise<void> {
  await rootQuery(`DROP USER IF EXISTS '${name}'@'%'`, server);
}

/** Threads the server has for `user` (the exporter's connections). */
export async function threadsOf(user: string, server: DbServer = LOCAL_MARIADB): Promise<Array<{ id: number; info: string | null; command: string }>> {
  return rootQuery(`SELECT ID AS id, INFO AS info, COMMAND AS command FROM information_schema.processlist WHERE USER = '${user}'`, server);
}

export function writeCnf(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrapekit-mysql-'));
  const path = join(dir, 'my.cnf');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

export interface Harness {
  readonly exporter: RunningExporter;
  readonly base: string;
  readonly logs: string[];
  scrape(path?: string, headers?: Record<string, string>): Promise<{ status: number; text: string; samples: Sample[] }>;
  close(): Promise<void>;
}

/**
 * Starts the exporter in-process on a free port with the given arguments. Without
 * --config.my-cnf it gets an empty one, so a ~/.my.cnf on the test machine cannot change what a
 * flags-only test connects to (the file wins over the flags).
 */
export async function startHarness(args: readonly string[]): Promise<Harness> {
  const logs: string[] = [];
  const cnf = args.some((a) => a.startsWith('--config.my-cnf')) ? [] : [`--config.my-cnf=${writeCnf('')}`];
  const exporter = await startExporter(spec, {
    argv: ['--web.listen-address=127.0.0.1:0', ...cnf, ...args],
    env: {},
    logger: createLogger({ level: 'info', write: (line) => logs.push(line) }),
  });
  const base = `http://${exporter.addresses[0]}`;
  return {
    exporter,
    base,
    logs,
    async scrape(path = '/metrics', headers = {}) {
      const res = await fetch(base + path, { headers });
      const text = await res.text();
      return { status: res.status, text, samples: res.status === 200 ? parseSamples(text) : [] };
    },
    close: () => exporter.close(1000),
  };
}

export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

export interface FamilyShape {
  readonly type: string;
  readonly labelSets: Set<string>;
}

/** Parses text exposition 0.0.4 into samples (enough for tests: no timestamps, no escapes beyond \\ \" \n). */
export function parseSamples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]] = l[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** Family name → type and the label-name sets its samples use. */
export function familyShapes(text: string): Map<string, FamilyShape> {
  const shapes = new Map<string, FamilyShape>();
  for (const line of text.split('\n')) {
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) shapes.set(t[1], { type: t[2], labelSets: new Set() });
  }
  const familyOf = (name: string): string | undefined => {
    if (shapes.has(name)) return name;
    const base = name.replace(/_(bucket|sum|count)$/, '');
    return shapes.has(base) ? base : undefined;
  };
  for (const s of parseSamples(text)) {
    const f = familyOf(s.name);
    if (!f) continue;
    const keys = Object.keys(s.labels).filter((k) => k !== 'le' && k !== 'quantile').sort().join(',');
    shapes.get(f)?.labelSets.add(keys);
  }
  return shapes;
}

export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
