import { BadRequestError, type AcquireRequest, type Acquired, type ExporterRuntime, type Logger } from '@scrapekit/exporter-kit';
import { endpointFor, endpointKey, TargetError, type AuthModule } from './config.js';
import { ConnectionPool, scrubSecret } from './connection.js';
import type { CollectorSettings, MysqlTarget } from './target.js';

export interface MysqlRuntimeOptions {
  readonly modules: ReadonlyMap<string, AuthModule>;
  /** Re-reads the credentials for reload(); throws (ConfigError) when they are unusable. */
  readonly reloadModules?: () => ReadonlyMap<string, AuthModule>;
  readonly insecureSkipVerify: boolean;
  readonly maxConnections: number;
  readonly lockWaitTimeout?: number;
  readonly logSlowFilter: boolean;
  readonly settings: CollectorSettings;
  readonly connectTimeoutMs: number;
  readonly logger: Logger;
}

const UP = 'mysql_up';
const UP_HELP = 'Whether the MySQL server is up.';
const DURATION = 'mysql_exporter_collector_duration_seconds';
/** Probe targets not scraped for this long lose their pool (and its connections). */
const IDLE_POOL_MS = 10 * 60 * 1000;
const MAX_POOLS = 256;

interface PoolEntry {
  readonly pool: ConnectionPool;
  lastUsed: number;
}

export interface MysqlRuntime extends ExporterRuntime<MysqlTarget> {
  /**
   * Re-reads the credentials (mysqld_exporter 0.15's /-/reload). On success every pool is
   * replaced, so the next scrape logs in with the new credentials; on failure the old ones stay
   * in use and the error is thrown for the caller to report.
   */
  reload(): Promise<void>;
}

/**
 * One pool per endpoint (server, user, TLS settings): /metrics uses [client] with
 * --mysqld.address; /probe picks the section from auth_module (default client) and the server
 * from target, as mysqld_exporter, and lands in the same pool when that is the same server and
 * login, so the connection budget (MAX_USER_CONNECTIONS in the README) holds per server.
 */
export function createMysqlRuntime(opts: MysqlRuntimeOptions): MysqlRuntime {
  const pools = new Map<string, PoolEntry>();
  let modules = opts.modules;
  const metricsKey = (): string | undefined => {
    const client = modules.get('client');
    return client ? endpointKey(endpointFor(client, undefined, opts.insecureSkipVerify)) : undefined;
  };

  const evictIdle = (now: number): void => {
    const keep = metricsKey();
    for (const [key, entry] of pools) {
      if (key === keep) continue;
      if (now - entry.lastUsed > IDLE_POOL_MS || pools.size > MAX_POOLS) {
        pools.delete(key);
        void entry.pool.close();
      }
    }
  };

  const poolFor = (module: AuthModule, target: string | undefined): ConnectionPool => {
    const endpoint = endpointFor(module, target, opts.insecureSkipVerify);
    const key = endpointKey(endpoint);
    const now = Date.now();
    const existing = pools.get(key);
    if (existing) {
      existing.lastUsed = now;
      return existing.pool;
    }
    const pool = new ConnectionPool({
      endpoint,
      maxConnections: opts.maxConnections,
      lockWaitTimeout: opts.lockWaitTimeout,
      logSlowFilter: opts.logSlowFilter,
      connectTimeoutMs: opts.connectTimeoutMs,
      logger: opts.logger,
    });
    evictIdle(now);
    pools.set(key, { pool, lastUsed: now });
    return pool;
  };

  const runtime: MysqlRuntime = {
    probe: true,
    landingInfo: [['Auth modules', [...opts.modules.keys()].join(', ')]],
    async acquire(req: AcquireRequest): Promise<Acquired<MysqlTarget>> {
      const target = req.probe?.get('target') ?? undefined;
      const moduleName = req.probe?.get('auth_module') || 'client';
      let pool: ConnectionPool | undefined;
      const started = performance.now();
      const module = modules.get(moduleName);
      if (!module) {
        // mysqld_exporter answers 400 for an auth_module that is not in the config file.
        throw new BadRequestError(`auth_module ${JSON.stringify(moduleName)} is not a section of --config.my-cnf`);
      }
      try {
        pool = poolFor(module, target);
      } catch (err) {
        // As mysqld_exporter ("Error forming dsn"): a target that is no address is the request's fault.
        if (err instanceof TargetError) throw new BadRequestError(`target: ${err.message}`);
        throw err;
      }
      try {
        await pool.check(req.signal);
      } catch (err) {
        const password = module.password;
        const message = scrubSecret(err instanceof Error ? err.message : String(err), password);
        req.logger.error('MySQL is not reachable', { auth_module: moduleName, ...(target ? { target } : {}), err: message });
        req.out.gauge(UP, UP_HELP, 0);
        return { ok: false };
      }
      req.out.gauge(UP, UP_HELP, 1);
      // mysqld_exporter times its connect + ping as the pseudo-collector "connection".
      req.out.gauge(DURATION, 'Duration of a collector scrape.', (performance.now() - started) / 1000, { collector: 'connection' });
      const p = pool;
      return {
        ok: true,
        target: {
          query: (sql, signal, opts) => p.query(sql, signal, opts),
          serverVersion: p.serverVersion,
          isMariaDB: p.isMariaDB,
          settings: opts.settings,
        },
      };
    },
    async reload() {
      if (!opts.reloadModules) throw new Error('this runtime has no credentials source to reload');
      modules = opts.reloadModules();
      const old = [...pools.values()];
      pools.clear();
      await Promise.all(old.map((e) => e.pool.close()));
      opts.logger.info('Credentials reloaded', { auth_modules: [...modules.keys()].join(',') });
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((e) => e.pool.close()));
    },
  };
  return runtime;
}
