/**
 * A tiny connection pool over mysql2, shaped by the exporter's needs rather than an app's:
 * - at most `max` connections (2 by default) open to a server, the one used to cancel included;
 *   collectors share them, so one stuck query does not hold up the others;
 * - connections live across scrapes (no connect/auth handshake per scrape; mysqld_exporter opens
 *   a fresh one each time, issue #142) and are health-checked with COM_PING before a scrape;
 * - a query still running at the scrape deadline is cancelled on the server with KILL QUERY,
 *   so a struggling server never accumulates exporter queries.
 */
import { readFileSync } from 'node:fs';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import mysql from 'mysql2';
import type { Logger } from '@scrapekit/exporter-kit';
import type { Endpoint } from './config.js';
import { parseServerVersion, QueryError, type Cell, type QueryResult, type ServerVersion } from './target.js';

export interface PoolOptions {
  readonly endpoint: Endpoint;
  readonly maxConnections: number;
  /** Seconds; undefined leaves the server default. */
  readonly lockWaitTimeout?: number;
  readonly logSlowFilter: boolean;
  readonly connectTimeoutMs: number;
  readonly logger: Logger;
}

interface Pooled {
  readonly conn: mysql.Connection;
  readonly threadId: number;
  busy: boolean;
  dead: boolean;
  /** Settles once a KILL for this connection's running query has been sent (or given up). */
  killing?: Promise<void>;
}

interface Waiter {
  resolve(c: Pooled): void;
  reject(err: unknown): void;
}

export class AbortedError extends Error {
  override readonly name = 'AbortError';
}

export interface QueryOptions {
  /**
   * Run while no other query of this pool runs, and hold new ones back until done. For
   * SHOW GLOBAL STATUS: its Threads_running counts the exporter's own running queries, and
   * mysqld_exporter (one connection) always counts exactly one.
   */
  readonly alone?: boolean;
}

/** Resolves with `p`, or rejects once `signal` fires first. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal, why: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbortedError(why));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortedError(why));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const KILL_TIMEOUT_MS = 5000;

/** Strings from every cell: collectors parse values with mysqld_exporter's rules, not mysql2's. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

/**
 * COM_QUIT rather than a dropped socket, so the server does not count an aborted client
 * (mysql_global_status_aborted_clients is on the mixin's dashboard); destroy if it hangs.
 */
function endGracefully(conn: mysql.Connection): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      conn.destroy();
      resolve();
    }, 1000);
    conn.end(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** mysql2 errors carry no password, but scrub it anyway before anything logs the message. */
export function scrubSecret(message: string, secret: string): string {
  return secret.length >= 3 ? message.split(secret).join('<redacted>') : message;
}

export class ConnectionPool {
  private readonly conns: Pooled[] = [];
  private readonly waiters: Waiter[] = [];
  private opening = 0;
  private killChain: Promise<void> = Promise.resolve();
  /** Set while a query that runs alone waits or runs; every other take waits for it. */
  private aloneGate?: Promise<void>;
  /** Resolved once no connection is busy or being opened (give, discard, a failed open, close). */
  private readonly idleWaiters: Array<() => void> = [];
  private closed = false;
  private tlsFiles?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  /** Learned from the handshake of the first connection; refreshed on every new one. */
  serverVersion: ServerVersion = parseServerVersion('');
  isMariaDB = false;

  constructor(private readonly opts: PoolOptions) {}

  /** Connections currently open (for tests and the landing page). */
  get size(): number {
    return this.conns.length + this.opening;
  }

  /**
   * Makes sure the server answers: pings an idle connection (replacing it if it died, e.g. after a
   * server restart) or opens the first one. Throws when the server cannot be reached.
   */
  async check(signal: AbortSignal): Promise<void> {
    // Every idle connection may have died since the last scrape (restart, network cut): ping
    // them until one answers; the dead ones are dropped.
    for (let idle = this.idleOne(); idle; idle = this.idleOne()) {
      idle.busy = true;
      try {
        await this.ping(idle, signal);
        this.give(idle);
        return;
      } catch (err) {
        this.discard(idle);
        if (signal.aborted) throw err;
      }
    }
    if (this.conns.some((c) => c.busy && !c.dead)) return; // in use right now: alive
    const c = await this.take(signal);
    this.give(c);
  }

  private idleOne(): Pooled | undefined {
    return this.conns.find((c) => !c.busy && !c.dead);
  }

  async query(sql: string, signal: AbortSignal, opts: QueryOptions = {}): Promise<QueryResult> {
    if (!opts.alone) return this.run(sql, signal, await this.take(signal));
    while (this.aloneGate) await untilAborted(this.aloneGate, signal, 'no connection became free before the scrape deadline');
    let open = (): void => {};
    this.aloneGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      await untilAborted(this.allIdle(), signal, 'the other queries did not finish before the scrape deadline');
      return await this.run(sql, signal, await this.take(signal, true));
    } finally {
      this.aloneGate = undefined;
      open();
    }
  }

  /** A connection being opened is as good as busy: a query waits for it. */
  private anyBusy(): boolean {
    return this.opening > 0 || this.conns.some((c) => c.busy);
  }

  private allIdle(): Promise<void> {
    if (!this.anyBusy()) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIfIdle(): void {
    if (this.idleWaiters.length === 0 || this.anyBusy()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private run(sql: string, signal: AbortSignal, c: Pooled): Promise<QueryResult> {
    return new Promise<QueryResult>((resolve, reject) => {
      let settled = false;
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        reject(new AbortedError(`query cancelled at the scrape deadline: ${sql.slice(0, 60)}`));
        this.cancel(c);
      };
      if (signal.aborted) {
        this.give(c);
        reject(new AbortedError('scrape deadline already passed'));
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      c.conn.query({ sql, rowsAsArray: true }, (err, rows, fields) => {
        signal.removeEventListener('abort', onAbort);
        // Never hand the connection on while a KILL aimed at this query is in flight: it
        // could hit the next query instead.
        if (c.killing) void c.killing.then(() => this.give(c));
        else this.give(c);
        if (settled) return;
        settled = true;
        if (err) {
          reject(this.toQueryError(err));
          return;
        }
        const columns = Array.isArray(fields) ? fields.map((f) => f.name) : [];
        const data = Array.isArray(rows) ? (rows as unknown[][]).map((r) => (Array.isArray(r) ? r.map(toCell) : [])) : [];
        resolve({ columns, rows: data });
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.reject(new Error('pool closed'));
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    await Promise.all(this.conns.splice(0).map((c) => new Promise<void>((resolve) => {
      c.dead = true;
      if (c.busy) {
        c.conn.destroy();
        resolve();
      } else {
        void endGracefully(c.conn).then(resolve);
      }
    })));
  }

  private toQueryError(err: mysql.QueryError): Error {
    const message = scrubSecret(err.message, this.opts.endpoint.password);
    return new QueryError(message, typeof err.errno === 'number' ? err.errno : undefined, err.code);
  }

  // --- taking and giving back ------------------------------------------------------------

  private async take(signal: AbortSignal, pastGate = false): Promise<Pooled> {
    while (!pastGate && this.aloneGate) await untilAborted(this.aloneGate, signal, 'no connection became free before the scrape deadline');
    return this.takeNow(signal);
  }

  private takeNow(signal: AbortSignal): Promise<Pooled> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    if (signal.aborted) return Promise.reject(new AbortedError('scrape deadline already passed'));
    const idle = this.conns.find((c) => !c.busy && !c.dead);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    if (this.size < this.opts.maxConnections) return this.openBusy(signal);
    return new Promise<Pooled>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (c) => {
          signal.removeEventListener('abort', onAbort);
          resolve(c);
        },
        reject: (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new AbortedError('no connection became free before the scrape deadline'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private async openBusy(signal: AbortSignal): Promise<Pooled> {
    this.opening++;
    let c: Pooled;
    try {
      c = await this.openPreferringTls(signal);
    } catch (err) {
      this.opening--;
      this.notifyIfIdle();
      throw err;
    }
    this.opening--;
    c.busy = true;
    this.conns.push(c);
    return c;
  }

  private give(c: Pooled): void {
    c.busy = false;
    c.killing = undefined;
    if (c.dead || this.closed) {
      this.discard(c);
      return;
    }
    const w = this.waiters.shift();
    if (w) {
      c.busy = true;
      w.resolve(c);
      return;
    }
    this.notifyIfIdle();
  }

  /** Drops a connection; if someone waits, the freed slot opens a new one for them. */
  private discard(c: Pooled): void {
    c.dead = true;
    const i = this.conns.indexOf(c);
    if (i >= 0) this.conns.splice(i, 1);
    c.conn.destroy();
    if (!this.closed && this.waiters.length > 0 && this.size < this.opts.maxConnections) {
      const w = this.waiters.shift() as Waiter;
      this.openBusy(AbortSignal.timeout(this.opts.connectTimeoutMs)).then(w.resolve, w.reject);
      return;
    }
    this.notifyIfIdle();
  }

  // --- opening, pinging, cancelling ------------------------------------------------------

  private tls(): mysql.SslOptions | undefined {
    const t = this.opts.endpoint.tls;
    if (!t) return undefined;
    this.tlsFiles ??= {
      ca: t.caFile ? readFileSync(t.caFile) : undefined,
      cert: t.certFile ? readFileSync(t.certFile) : undefined,
      key: t.keyFile ? readFileSync(t.keyFile) : undefined,
    };
    const ssl: mysql.SslOptions & { verifyIdentity?: boolean; minVersion?: string; maxVersion?: string } = {
      rejectUnauthorized: t.rejectUnauthorized,
      // The name is checked in serverNameProblem(), for IP addresses and tls-server-name too.
      verifyIdentity: false,
      ...(this.tlsFiles.ca ? { ca: this.tlsFiles.ca } : {}),
      ...(this.tlsFiles.cert ? { cert: this.tlsFiles.cert } : {}),
      ...(this.tlsFiles.key ? { key: this.tlsFiles.key } : {}),
      ...(t.minVersion ? { minVersion: t.minVersion } : {}),
      ...(t.maxVersion ? { maxVersion: t.maxVersion } : {}),
    };
    return ssl;
  }

  /**
   * As go-sql-driver, verifying means the chain AND the name: tls-server-name, else the host
   * connected to (an IP address must be among the certificate's IP SANs). mysql2 checks names
   * only for host names and ignores tls-server-name, so the check is done here, before the
   * connection is used for anything.
   */
  private serverNameProblem(conn: mysql.Connection): Error | undefined {
    const t = this.opts.endpoint.tls;
    const name = t?.serverName ?? this.opts.endpoint.host;
    if (!t?.rejectUnauthorized || !name) return undefined;
    const stream = (conn as unknown as { stream?: { getPeerCertificate?: () => PeerCertificate } }).stream;
    const cert = stream?.getPeerCertificate?.();
    if (!cert || Object.keys(cert).length === 0) return new Error(`TLS: the server at ${name} sent no certificate`);
    return checkServerIdentity(name, cert);
  }

  /** tls=preferred: a server that announces no TLS support is used in plain text, as go-sql-driver does. */
  private async openPreferringTls(signal: AbortSignal): Promise<Pooled> {
    try {
      return await this.open(signal, true);
    } catch (err) {
      if (!this.opts.endpoint.tls?.fallbackToPlaintext || (err as QueryError).code !== 'HANDSHAKE_NO_SSL_SUPPORT') throw err;
      this.opts.logger.debug('server offers no TLS; tls=preferred connects in plain text');
      return this.open(signal, false);
    }
  }

  private open(signal: AbortSignal, useTls: boolean): Promise<Pooled> {
    const e = this.opts.endpoint;
    const password = e.password;
    return new Promise<Pooled>((resolve, reject) => {
      let conn: mysql.Connection;
      try {
        conn = mysql.createConnection({
          host: e.host,
          port: e.port,
          socketPath: e.socketPath,
          user: e.user,
          password,
          ssl: useTls ? this.tls() : undefined,
          connectTimeout: this.opts.connectTimeoutMs,
          supportBigNumbers: true,
          bigNumberStrings: true,
          dateStrings: true,
          multipleStatements: false,
          ...(e.cleartextPassword ? { authPlugins: { mysql_clear_password: () => () => Buffer.from(`${password}\0`) } } : {}),
        });
      } catch (err) {
        reject(err);
        return;
      }
      let done = false;
      const pooled: { value?: Pooled } = {};
      const fail = (err: unknown): void => {
        if (done) return;
        done = true;
        signal.removeEventListener('abort', onAbort);
        conn.destroy();
        const msg = err instanceof Error ? err.message : String(err);
        const errno = (err as { errno?: unknown }).errno;
        reject(new QueryError(scrubSecret(msg, password), typeof errno === 'number' ? errno : undefined, (err as { code?: string }).code));
      };
      const onAbort = (): void => fail(new AbortedError('connecting took longer than the scrape deadline'));
      signal.addEventListener('abort', onAbort, { once: true });
      // An idle connection closed by the server (wait_timeout, restart) emits 'error': without
      // this listener that would crash the process.
      conn.on('error', (err) => {
        if (pooled.value) {
          pooled.value.dead = true;
          if (!pooled.value.busy) this.discard(pooled.value);
        } else {
          fail(err);
        }
      });
      conn.once('connect', (handshake: { serverVersion?: string; connectionId?: number }) => {
        const wrongName = useTls ? this.serverNameProblem(conn) : undefined;
        if (wrongName) {
          fail(wrongName);
          return;
        }
        const version = parseServerVersion(handshake.serverVersion ?? '');
        this.serverVersion = version;
        this.isMariaDB = /mariadb/i.test(handshake.serverVersion ?? '');
        const settings: string[] = [];
        if (this.opts.lockWaitTimeout !== undefined) settings.push(`lock_wait_timeout = ${Math.floor(this.opts.lockWaitTimeout)}`);
        if (this.opts.logSlowFilter) settings.push("log_slow_filter = 'tmp_table_on_disk,filesort_on_disk'");
        const finish = (): void => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          pooled.value = { conn, threadId: conn.threadId ?? handshake.connectionId ?? 0, busy: false, dead: false };
          resolve(pooled.value);
        };
        if (settings.length === 0) {
          finish();
          return;
        }
        conn.query(`SET SESSION ${settings.join(', ')}`, (err) => {
          if (err) {
            this.opts.logger.warn('could not set session options; disable them with --no-exporter.enable_lock_wait_timeout / --no-exporter.log_slow_filter', {
              err: scrubSecret(err.message, password),
            });
          }
          finish();
        });
      });
    });
  }

  private ping(c: Pooled, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        c.conn.destroy();
        reject(new AbortedError('ping did not answer before the scrape deadline'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      c.conn.ping((err) => {
        signal.removeEventListener('abort', onAbort);
        if (err) reject(this.toQueryError(err as mysql.QueryError));
        else resolve();
      });
    });
  }

  /**
   * Cancels the query running on `c`. KILL must travel on another connection: an idle pooled one,
   * a new one if the budget allows, or else `c` itself is closed to free its slot and a new
   * connection kills the abandoned server thread (briefly one more thread on the server, hence
   * MAX_USER_CONNECTIONS 3 in the README). The killer stays in the pool. Kills run one at a time.
   */
  private cancel(c: Pooled): void {
    const run = async (): Promise<void> => {
      const signal = AbortSignal.timeout(KILL_TIMEOUT_MS);
      let statement = `KILL QUERY ${c.threadId}`;
      let killer: Pooled;
      const idle = this.conns.find((o) => o !== c && !o.busy && !o.dead);
      if (idle) {
        idle.busy = true;
        killer = idle;
      } else {
        if (this.size >= this.opts.maxConnections) {
          // The server thread keeps running until killed, so kill the whole connection.
          c.dead = true;
          const i = this.conns.indexOf(c);
          if (i >= 0) this.conns.splice(i, 1);
          c.conn.destroy();
          statement = `KILL CONNECTION ${c.threadId}`;
        }
        killer = await this.openBusy(signal);
      }
      await new Promise<void>((resolve) => {
        killer.conn.query(statement, (err) => {
          if (err && err.errno !== 1094 /* unknown thread: it finished meanwhile */) {
            this.opts.logger.warn('could not cancel a query that outlived the scrape deadline', { thread: c.threadId, err: scrubSecret(err.message, this.opts.endpoint.password) });
          } else {
            this.opts.logger.debug('cancelled a query that outlived the scrape deadline', { thread: c.threadId });
          }
          resolve();
        });
      });
      this.give(killer);
    };
    const p = this.killChain.then(run).catch((err: unknown) => {
      this.opts.logger.warn('could not cancel a query that outlived the scrape deadline', {
        thread: c.threadId,
        err: scrubSecret(err instanceof Error ? err.message : String(err), this.opts.endpoint.password),
      });
      // Without a kill, closing the connection is the only way left to stop holding it.
      c.dead = true;
      c.conn.destroy();
    });
    c.killing = p;
    this.killChain = p;
  }
}
