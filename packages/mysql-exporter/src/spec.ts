import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ExporterSpec, type FlagSpec, type FlagValues, type SetupContext } from '@scrapekit/exporter-kit';
import { collectors } from './collectors/index.js';
import { loadCredentials, type CredentialSources, type LoadedCredentials } from './credentials.js';
import { createMysqlRuntime, type MysqlRuntime } from './runtime.js';
import type { CollectorSettings, MysqlTarget } from './target.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** As mysqld_exporter 0.14 (Debian's) and its README: the user's own option file. */
const DEFAULT_CNF = join(process.env.HOME || homedir(), '.my.cnf');

export const flags: readonly FlagSpec[] = [
  { name: 'config.my-cnf', default: DEFAULT_CNF, placeholder: '<file>',
    description: 'Option file with [client] and [client.NAME] sections (user, password, host, port, socket, ssl-ca, ssl-cert, ssl-key, tls); each section is an auth module for /probe.' },
  { name: 'mysqld.address', default: 'localhost:3306', placeholder: '<host[:port]|unix:///path>',
    description: 'Server address used when [client] sets no host, port or socket; without a port, 3306.' },
  { name: 'mysqld.username', default: '', placeholder: '<user>', description: 'User name used when [client] sets no user. The password comes from MYSQLD_EXPORTER_PASSWORD.' },
  { name: 'tls.insecure-skip-verify', kind: 'boolean', default: false, description: 'Use TLS but do not verify the server certificate (every section).' },
  { name: 'exporter.lock_wait_timeout', kind: 'number', default: 2, placeholder: '<seconds>',
    description: 'lock_wait_timeout of the exporter\'s sessions, so a scrape never waits long on metadata locks.' },
  { name: 'exporter.enable_lock_wait_timeout', kind: 'boolean', default: true, description: 'Set lock_wait_timeout on the exporter\'s sessions.' },
  { name: 'exporter.log_slow_filter', kind: 'boolean', default: false,
    description: 'Keep the exporter\'s queries out of the slow log via log_slow_filter (MariaDB/Percona only).' },
  { name: 'exporter.max_open_connections', kind: 'number', default: 2, placeholder: '<n>',
    description: 'Most connections per server, including the one used to cancel queries at the scrape deadline (1 or 2).' },
  { name: 'collect.heartbeat.database', default: 'heartbeat', placeholder: '<db>', description: 'Database of the pt-heartbeat table.' },
  { name: 'collect.heartbeat.table', default: 'heartbeat', placeholder: '<table>', description: 'Table written by pt-heartbeat.' },
  { name: 'collect.heartbeat.utc', kind: 'boolean', default: false, description: 'Compare with UTC_TIMESTAMP (pt-heartbeat --utc).' },
  { name: 'collect.info_schema.processlist.min_time', kind: 'number', default: 0, placeholder: '<seconds>',
    description: 'Only count threads that have been in their state at least this long.' },
  { name: 'collect.info_schema.processlist.processes_by_user', kind: 'boolean', default: true, description: 'Also count threads by user.' },
  { name: 'collect.info_schema.processlist.processes_by_host', kind: 'boolean', default: true, description: 'Also count threads by client host.' },
  { name: 'collect.info_schema.tables.databases', default: '*', placeholder: '<list>',
    description: 'Comma-separated databases for info_schema.tables, or * for all but the system ones.' },
  { name: 'collect.perf_schema.eventsstatements.limit', kind: 'number', default: 250, placeholder: '<n>',
    description: 'Most statement digests exported, by total time.' },
  { name: 'collect.perf_schema.eventsstatements.timelimit', kind: 'number', default: 86400, placeholder: '<seconds>',
    description: 'Only digests seen within this many seconds.' },
  { name: 'collect.perf_schema.eventsstatements.digest_text_limit', kind: 'number', default: 120, placeholder: '<chars>',
    description: 'Longest digest_text label.' },
  { name: 'collect.mysql.user.privileges', kind: 'boolean', default: false, description: 'Also export each user\'s *_priv columns (Y=1, N=0).' },
  { name: 'collect.perf_schema.file_instances.filter', default: '.*', placeholder: '<regex>',
    description: 'Only files whose FILE_NAME matches this (server-side REGEXP).' },
  { name: 'collect.perf_schema.file_instances.remove_prefix', default: '/var/lib/mysql/', placeholder: '<path>',
    description: 'Prefix removed from the file_name label.' },
  { name: 'collect.perf_schema.memory_events.remove_prefix', default: 'memory/', placeholder: '<prefix>',
    description: 'Prefix removed from the event_name label.' },
];

function settingsFrom(f: FlagValues): CollectorSettings {
  return {
    heartbeatDatabase: String(f['collect.heartbeat.database']),
    heartbeatTable: String(f['collect.heartbeat.table']),
    heartbeatUtc: Boolean(f['collect.heartbeat.utc']),
    processlistMinTime: Number(f['collect.info_schema.processlist.min_time']),
    processesByUser: Boolean(f['collect.info_schema.processlist.processes_by_user']),
    processesByHost: Boolean(f['collect.info_schema.processlist.processes_by_host']),
    tablesDatabases: String(f['collect.info_schema.tables.databases']),
    eventsStatementsLimit: Number(f['collect.perf_schema.eventsstatements.limit']),
    eventsStatementsTimeLimit: Number(f['collect.perf_schema.eventsstatements.timelimit']),
    eventsStatementsDigestTextLimit: Number(f['collect.perf_schema.eventsstatements.digest_text_limit']),
    userPrivileges: Boolean(f['collect.mysql.user.privileges']),
    fileInstancesFilter: String(f['collect.perf_schema.file_instances.filter']),
    fileInstancesRemovePrefix: String(f['collect.perf_schema.file_instances.remove_prefix']),
    memoryEventsRemovePrefix: String(f['collect.perf_schema.memory_events.remove_prefix']),
  };
}

function logCredentials(loaded: LoadedCredentials, logger: SetupContext['logger']): void {
  for (const w of loaded.warnings) logger.warn(w);
  for (const p of loaded.skipped) logger.error('skipping config section', { problem: p });
}

export function setup({ flags: f, logger }: SetupContext): MysqlRuntime {
  const cnfPath = String(f['config.my-cnf']);
  const sources: CredentialSources = {
    cnfPath,
    cnfExplicit: cnfPath !== DEFAULT_CNF,
    address: String(f['mysqld.address'] ?? ''),
    username: String(f['mysqld.username'] ?? ''),
    env: process.env,
  };
  const loaded = loadCredentials(sources);
  logCredentials(loaded, logger);
  const maxConnections = Number(f['exporter.max_open_connections']);
  if (!Number.isInteger(maxConnections) || maxConnections < 1 || maxConnections > 2) {
    throw new ConfigError(`--exporter.max_open_connections: must be 1 or 2, got ${maxConnections}`);
  }
  return createMysqlRuntime({
    modules: loaded.modules,
    reloadModules: () => {
      const again = loadCredentials(sources);
      logCredentials(again, logger);
      return again.modules;
    },
    insecureSkipVerify: Boolean(f['tls.insecure-skip-verify']),
    maxConnections,
    lockWaitTimeout: f['exporter.enable_lock_wait_timeout'] ? Number(f['exporter.lock_wait_timeout']) : undefined,
    logSlowFilter: Boolean(f['exporter.log_slow_filter']),
    settings: settingsFrom(f),
    connectTimeoutMs: 10_000,
    logger,
  });
}

export const spec: ExporterSpec<MysqlTarget> = {
  name: 'mysql-exporter',
  description: 'Prometheus exporter for MySQL and MariaDB, compatible with mysqld_exporter',
  version: VERSION,
  defaultListenAddress: ':9104',
  envPrefix: 'MYSQLD_EXPORTER',
  buildInfoMetric: 'mysqld_exporter_build_info',
  collectorMetrics: { duration: 'mysql_exporter_collector_duration_seconds', success: 'mysql_exporter_collector_success' },
  collectorFlagPrefix: 'collect',
  // As mysqld_exporter: collector="collect.global_status"; collect[] ignores names it does not know.
  collectorLabelPrefix: 'collect.',
  collectFilter: 'lenient',
  // Scrapes that arrive while an identical one runs share its result: two Prometheus replicas
  // (or a retry storm) never double the load on a struggling server (mysqld_exporter #746).
  singleFlight: true,
  collectors,
  flags,
  setup,
};
