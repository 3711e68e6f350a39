/**
 * The small query interface collectors see. Collectors never touch mysql2 directly, so they can be
 * tested with result sets recorded from a real server (test/fixtures) and fed through a fake target.
 */

/** Every cell arrives as text (or NULL): the server's own spelling, parsed by naming.ts rules. */
export type Cell = string | null;

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

export interface ServerVersion {
  /** As the server announces it, e.g. "10.11.19-MariaDB-0+deb12u1" or "8.4.3". */
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** Options of the non-default collectors (the --collect.<name>.<option> flags). */
export interface CollectorSettings {
  readonly heartbeatDatabase: string;
  readonly heartbeatTable: string;
  readonly heartbeatUtc: boolean;
  readonly processlistMinTime: number;
  readonly processesByUser: boolean;
  readonly processesByHost: boolean;
  readonly tablesDatabases: string;
  readonly eventsStatementsLimit: number;
  readonly eventsStatementsTimeLimit: number;
  readonly eventsStatementsDigestTextLimit: number;
  readonly userPrivileges: boolean;
  readonly fileInstancesFilter: string;
  readonly fileInstancesRemovePrefix: string;
  readonly memoryEventsRemovePrefix: string;
}

export const DEFAULT_COLLECTOR_SETTINGS: CollectorSettings = {
  heartbeatDatabase: 'heartbeat',
  heartbeatTable: 'heartbeat',
  heartbeatUtc: false,
  processlistMinTime: 0,
  processesByUser: true,
  processesByHost: true,
  tablesDatabases: '*',
  eventsStatementsLimit: 250,
  eventsStatementsTimeLimit: 86400,
  eventsStatementsDigestTextLimit: 120,
  userPrivileges: false,
  fileInstancesFilter: '.*',
  fileInstancesRemovePrefix: '/var/lib/mysql/',
  memoryEventsRemovePrefix: 'memory/',
};

export interface MysqlTarget {
  /**
   * Runs one statement; rejects with QueryError, or with an AbortError once `signal` fires.
   * `alone`: while no other query of this exporter runs on the server (see QueryOptions).
   */
  query(sql: string, signal: AbortSignal, opts?: { readonly alone?: boolean }): Promise<QueryResult>;
  readonly serverVersion: ServerVersion;
  readonly isMariaDB: boolean;
  readonly settings: CollectorSettings;
}

/** A server-side error, with MySQL's numeric code (1064 syntax, 1109 unknown table, ...). */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    message: string,
    readonly errno: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export const ER_PARSE_ERROR = 1064;
export const ER_UNKNOWN_TABLE = 1109;
export const ER_UNKNOWN_SYSTEM_VARIABLE = 1193;
export const ER_NO_SUCH_TABLE = 1146;
export const ER_BAD_FIELD_ERROR = 1054;
export const ER_UNKNOWN_STORAGE_ENGINE = 1286;

/** "10.11.19-MariaDB-0+deb12u1", "5.5.5-10.4.1-MariaDB" (old MariaDB handshake prefix), "8.4.3". */
export function parseServerVersion(text: string): ServerVersion {
  const cleaned = text.replace(/^5\.5\.5-/, '');
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(cleaned);
  if (!m) return { text, major: 0, minor: 0, patch: 0 };
  return { text: cleaned, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** True when the server is at least major.minor[.patch]. */
export function versionAtLeast(v: ServerVersion, major: number, minor: number, patch = 0): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}

/** Rows as records keyed by lower-cased column name (servers differ in the case they return). */
export function records(result: QueryResult): Array<Record<string, Cell>> {
  const keys = result.columns.map((c) => c.toLowerCase());
  return result.rows.map((row) => {
    const rec: Record<string, Cell> = {};
    keys.forEach((k, i) => {
      rec[k] = row[i] ?? null;
    });
    return rec;
  });
}

/** Number from a cell, or undefined for NULL/empty/non-numeric text. */
export function num(cell: Cell | undefined): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  const t = cell.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
