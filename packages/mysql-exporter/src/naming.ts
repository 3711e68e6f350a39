/**
 * mysqld_exporter's naming and value rules, as pure functions. These decide which series exist and
 * what they are called, so dashboards written for the Go exporter keep working unchanged.
 */

export const NAMESPACE = 'mysql';

/** Every character outside [a-zA-Z0-9_] becomes `_`, then the whole name is lower-cased. */
export function validPrometheusName(raw: string): string {
  return raw.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase();
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

// `Jan _2 15:04:05 2006 MST`: certificate dates such as Ssl_server_not_after.
const CERT_TIME = /^([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) [A-Z]{2,5}$/;
// `2006-01-02 15:04:05`: e.g. Innodb_buffer_pool_load_status-like timestamps, Rpl_status times.
const SQL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A status or variable value as a number, or undefined when the series must be skipped (empty,
 * NULL, free text). Booleans and replication states map to 1/0; the two date layouts become Unix
 * seconds. A log file name such as `mysql-bin.000123` does not parse, as in the Go exporter.
 */
export function parseStatus(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const lower = value.toLowerCase();
  switch (lower) {
    case 'yes':
    case 'on':
    case 'primary':
      return 1;
    case 'no':
    case 'off':
    case 'disabled':
    case 'connecting':
    case 'non-primary':
    case 'disconnected':
      return 0;
  }
  let m = CERT_TIME.exec(value);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    if (month !== undefined) {
      return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000;
    }
  }
  m = SQL_TIME.exec(value);
  if (m) {
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
  }
  if (FLOAT.test(value)) return Number(value);
  if (/^[+-]?(inf|infinity)$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(value)) return NaN;
  return undefined;
}

/** Where one SHOW GLOBAL STATUS variable goes: a labelled family or the generic untyped one. */
export type StatusMapping =
  | { readonly kind: 'family'; readonly name: string; readonly type: 'counter' | 'gauge'; readonly help: string; readonly labels: Readonly<Record<string, string>> }
  | { readonly kind: 'generic'; readonly name: string }
  | { readonly kind: 'drop' };

const PREFIXED = /^(com|handler|connection_errors|innodb_buffer_pool_pages|innodb_rows|performance_schema)_(.*)$/;
const BUFFER_POOL_STATES = new Set(['data', 'free', 'misc', 'old']);

export const GLOBAL_STATUS_GENERIC_HELP = 'Generic metric from SHOW GLOBAL STATUS.';

/** Applies mysqld_exporter's global_status naming to an already validPrometheusName'd key. */
export function mapGlobalStatus(key: string): StatusMapping {
  const m = PREFIXED.exec(key);
  const p = `${NAMESPACE}_global_status_`;
  if (!m) return { kind: 'generic', name: p + key };
  const [, prefix, rest] = m;
  switch (prefix) {
    case 'com':
      return { kind: 'family', name: p + 'commands_total', type: 'counter', help: 'Statements executed, by command (Com_*).', labels: { command: rest } };
    case 'handler':
      return { kind: 'family', name: p + 'handlers_total', type: 'counter', help: 'Storage-engine handler calls, by handler (Handler_*).', labels: { handler: rest } };
    case 'connection_errors':
      return { kind: 'family', name: p + 'connection_errors_total', type: 'counter', help: 'Failed connection attempts, by cause (Connection_errors_*).', labels: { error: rest } };
    case 'innodb_buffer_pool_pages':
      if (rest === 'total') return { kind: 'drop' }; // keeps sum(buffer_pool_pages) equal to the pool size
      if (rest === 'dirty') return { kind: 'family', name: p + 'buffer_pool_dirty_pages', type: 'gauge', help: 'InnoDB buffer pool pages holding unflushed changes.', labels: {} };
      if (BUFFER_POOL_STATES.has(rest)) {
        return { kind: 'family', name: p + 'buffer_pool_pages', type: 'gauge', help: 'InnoDB buffer pool pages, by state.', labels: { state: rest } };
      }
      return { kind: 'family', name: p + 'buffer_pool_page_changes_total', type: 'counter', help: 'InnoDB buffer pool page events (flushed, made young, ...), by operation.', labels: { operation: rest } };
    case 'innodb_rows':
      return { kind: 'family', name: p + 'innodb_row_ops_total', type: 'counter', help: 'InnoDB row operations, by operation.', labels: { operation: rest } };
    default:
      return { kind: 'family', name: p + 'performance_schema_lost_total', type: 'counter', help: 'Performance Schema instruments that could not be created for lack of memory, by instrumentation.', labels: { instrumentation: rest } };
  }
}

/** Thread command/state text as a label value: lower-case, punctuation dropped, blanks to `_`. */
export function sanitizeStateLabel(raw: string): string {
  const s = raw.toLowerCase().replace(/[;,:.()]/g, '').replace(/[ -]/g, '_');
  return s === '' ? 'unknown' : s;
}

/** Galera's `gcache.size = 128M;` inside wsrep_provider_options, in bytes (0 when absent). */
export function parseGcacheSize(providerOptions: string): number {
  const m = /gcache\.size = (\d+)([MG]?);/.exec(providerOptions);
  if (!m) return 0;
  const n = Number(m[1]);
  if (m[2] === 'M') return n * 1024 * 1024;
  if (m[2] === 'G') return n * 1024 * 1024 * 1024;
  return n;
}

export interface EvsReplLatency {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
  readonly stdev: number;
  readonly sampleSize: number;
}

/** Galera's `wsrep_evs_repl_latency`: `min/avg/max/stdev/samples`, or undefined when malformed. */
export function parseEvsReplLatency(text: string): EvsReplLatency | undefined {
  const parts = text.split('/');
  if (parts.length !== 5) return undefined;
  const nums = parts.map((p) => (FLOAT.test(p.trim()) ? Number(p.trim()) : NaN));
  if (nums.some((n) => Number.isNaN(n))) return undefined;
  return { min: nums[0], avg: nums[1], max: nums[2], stdev: nums[3], sampleSize: nums[4] };
}

/**
 * SHOW REPLICA STATUS (MySQL 8.0.22+, 8.4, new MariaDB) spells columns Replica_... and ...Source....
 * The mixin's alerts and rules use the old Slave_.../...Master... names, so we also emit those.
 * Returns undefined when the column has no legacy spelling.
 */
export function legacyReplicaColumn(column: string): string | undefined {
  // Not the Replica of Replicate_Do_DB, Replicate_Ignore_Server_Ids, ...: those kept their names.
  const legacy = column
    .replace(/Replica(?!te)/g, 'Slave')
    .replace(/replica(?!te)/g, 'slave')
    .replace(/Source/g, 'Master')
    .replace(/source/g, 'master');
  return legacy === column ? undefined : legacy;
}
