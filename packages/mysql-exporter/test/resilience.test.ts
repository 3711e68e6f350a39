/**
 * Failure behaviour against the real MariaDB: down, wrong password, connection limit, recovery
 * after an outage (through a TCP proxy we can cut), server-side cancellation of queries
 * that outlive the scrape deadline, and the pool's queries that must run alone.
 */
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@scrapekit/exporter-kit';
import { freePort } from '../../../test/support/processes.js';
import { AbortedError, ConnectionPool } from '../src/connection.js';
import {
  createExporterUser, DB_HOST, DB_PORT, dropUser, mariadbAvailable, rootConnection, rootQuery, sampleValue, sleep, startHarness, threadsOf, writeCnf,
  testName, type Harness,
} from './harness.js';

const available = await mariadbAvailable();
const USER = testName('scrapekit_test_res');
const LIMITED = testName('scrapekit_test_lim');
const PASSWORD = 'Res!stance-42';
const DB = testName('scrapekit_test_res_db');

/**
 * A TCP proxy to MariaDB that can be cut (closing every connection) and restored on the same
 * port, or turned into a server that is no MySQL: one that answers garbage, or one that accepts
 * and then says nothing.
 */
class Proxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  mode: 'proxy' | 'garbage' | 'stall' = 'proxy';
  constructor(readonly port: number) {}
  async start(): Promise<void> {
    this.server = createServer((client) => {
      client.on('error', () => {});
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      if (this.mode === 'stall') return;
      if (this.mode === 'garbage') {
        // Looks like a packet header, then nonsense: a parser must not take it for a handshake.
        client.write(Buffer.concat([Buffer.from([0x2a, 0x00, 0x00, 0x00, 0xff]), randomBytes(4096)]));
        client.write('HTTP/1.1 400 Bad Request\r\n\r\n');
        return;
      }
      const upstream = connect(DB_PORT, DB_HOST);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => this.server?.listen(this.port, '127.0.0.1', () => r()));
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** A pool of two connections as the test user, as the exporter makes by default. */
function testPool(): ConnectionPool {
  return new ConnectionPool({
    endpoint: { host: DB_HOST, port: DB_PORT, user: USER, password: PASSWORD, cleartextPassword: false },
    maxConnections: 2, logSlowFilter: false, connectTimeoutMs: 5000, logger: silentLogger,
  });
}

describe.runIf(available)('failure behaviour', () => {
  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD, 3);
    await createExporterUser(LIMITED, PASSWORD, 1);
    await rootQuery(`CREATE DATABASE IF NOT EXISTS ${DB}`);
    await rootQuery(`CREATE TABLE IF NOT EXISTS ${DB}.heartbeat (ts VARCHAR(26) NOT NULL, server_id INT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=InnoDB`);
    await rootQuery(`REPLACE INTO ${DB}.heartbeat VALUES (NOW(6), 1)`);
  });
  afterAll(async () => {
    await rootQuery(`DROP DATABASE IF EXISTS ${DB}`);
    await dropUser(USER);
    await dropUser(LIMITED);
  });

  it('server unreachable: HTTP 200, mysql_up 0, one log line per scrape, no collector series', async () => {
    const port = await freePort();
    const h = await startHarness([`--mysqld.address=127.0.0.1:${port}`, '--mysqld.username=nobody']);
    try {
      for (let i = 0; i < 3; i++) {
        const { status, samples } = await h.scrape();
        expect(status).toBe(200);
        expect(sampleValue(samples, 'mysql_up')).toBe(0);
        expect(samples.some((s) => s.name.startsWith('mysql_global_'))).toBe(false);
      }
      const errors = h.logs.filter((l) => /level=error/.test(l));
      expect(errors).toHaveLength(3);
      expect(errors[0]).toMatch(/ECONNREFUSED/);
    } finally {
      await h.close();
    }
  });

  it('wrong password: mysql_up 0 and the password appears in no log line', async () => {
    const secret = 'Wr0ng-Secret-Passw0rd';
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword=${secret}\nhost=127.0.0.1\nport=3306\n`);
    const h = await startHarness([`--config.my-cnf=${cnf}`, '--log.level=debug']);
    try {
      const { status, samples, text } = await h.scrape();
      expect(status).toBe(200);
      expect(sampleValue(samples, 'mysql_up')).toBe(0);
      expect(text).not.toContain(secret);
      expect(h.logs.filter((l) => /level=error/.test(l))).toHaveLength(1);
      expect(h.logs.join('\n')).toMatch(/Access denied/);
      expect(h.logs.join('\n')).not.toContain(secret);
      const landing = await (await fetch(h.base + '/')).text();
      expect(landing).not.toContain(secret);
    } finally {
      await h.close();
    }
  });

  it('too many connections for the user: mysql_up 0, then up again once a slot frees', async () => {
    const hog = await (await import('mysql2/promise')).default.createConnection({ host: DB_HOST, port: DB_PORT, user: LIMITED, password: PASSWORD });
    const cnf = writeCnf(`[client]\nuser=${LIMITED}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`);
    const h = await startHarness([`--config.my-cnf=${cnf}`]);
    try {
      const down = await h.scrape();
      expect(down.status).toBe(200);
      expect(sampleValue(down.samples, 'mysql_up')).toBe(0);
      expect(h.logs.join('\n')).toMatch(/max_user_connections|too many/i);
      await hog.end();
      const up = await h.scrape();
      expect(sampleValue(up.samples, 'mysql_up')).toBe(1);
      // With a one-connection budget the collectors share the single connection.
      expect(sampleValue(up.samples, 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
    } finally {
      await h.close();
      await hog.end().catch(() => {});
    }
  });

  /** An exporter whose [client] goes through a fresh Proxy; both are stopped afterwards. */
  async function throughProxy(run: (proxy: Proxy, h: Harness) => Promise<void>): Promise<void> {
    const proxy = new Proxy(await freePort());
    await proxy.start();
    const h = await startHarness([`--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=${proxy.port}\n`)}`]);
    try {
      await run(proxy, h);
    } finally {
      await h.close();
      await proxy.stop();
    }
  }

  const expectFullyUp = async (h: Harness): Promise<void> => {
    const back = await h.scrape();
    expect(sampleValue(back.samples, 'mysql_up')).toBe(1);
    expect(sampleValue(back.samples, 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
  };

  it('recovers at the first scrape after the server is back', () => throughProxy(async (proxy, h) => {
    expect(sampleValue((await h.scrape()).samples, 'mysql_up')).toBe(1);
    await proxy.stop();
    const down = await h.scrape();
    expect(down.status).toBe(200);
    expect(sampleValue(down.samples, 'mysql_up')).toBe(0);
    await proxy.start();
    await expectFullyUp(h);
  }));

  it('a port that answers garbage or stalls after connect: mysql_up 0 by the deadline, then up once MySQL is back', () => throughProxy(async (proxy, h) => {
    for (const mode of ['garbage', 'stall', 'garbage'] as const) {
      proxy.mode = mode;
      const started = Date.now();
      const r = await h.scrape('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '2' });
      // The deadline is 1.75 s; the bound only catches a scrape that waits for the connect
      // timeout (10 s) or forever, without being tight on a slow machine.
      expect(Date.now() - started, mode).toBeLessThan(9_000);
      expect(r.status, mode).toBe(200);
      expect(sampleValue(r.samples, 'mysql_up'), mode).toBe(0);
    }
    proxy.mode = 'proxy';
    await expectFullyUp(h);
  }));

  it('cancels a query on the server when the scrape deadline passes (KILL QUERY), keeping at most 2 connections', async () => {
    const pool = testPool();
    try {
      // Both connections stuck at once: one is closed to make room for the killer, so the
      // exporter never holds more than 2 (the README's MAX_USER_CONNECTIONS 3 leaves room for
      // the abandoned server thread until the KILL lands).
      const signal = AbortSignal.timeout(400);
      const sizes: number[] = [];
      const sampler = setInterval(() => sizes.push(pool.size), 10);
      const results = await Promise.allSettled([pool.query('SELECT SLEEP(20) AS a', signal), pool.query('SELECT SLEEP(20) AS b', signal)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AbortedError)).toBe(true);
      let sleeping: unknown[] = [];
      for (let i = 0; i < 30; i++) {
        sleeping = (await threadsOf(USER)).filter((t) => /SLEEP/.test(t.info ?? ''));
        if (sleeping.length === 0) break;
        await sleep(100);
      }
      clearInterval(sampler);
      expect(sleeping).toEqual([]);
      expect(Math.max(...sizes)).toBe(2);
      expect(pool.size).toBeLessThanOrEqual(2);
      expect((await threadsOf(USER)).length).toBeLessThanOrEqual(2);
      // The pool is still usable afterwards.
      const ok = await pool.query('SELECT 1 AS one', AbortSignal.timeout(5000));
      expect(ok.rows).toEqual([['1']]);
    } finally {
      await pool.close();
    }
  });

  it('a query run alone waits for the running one and holds later ones back: the server sees one exporter query', async () => {
    const pool = testPool();
    try {
      const signal = AbortSignal.timeout(10_000);
      const finished: string[] = [];
      const note = <T>(name: string, p: Promise<T>): Promise<T> => p.then((r) => {
        finished.push(name);
        return r;
      });
      // Without the gate the second connection would run the alone query beside the sleeper,
      // and the later query right after it: finishing order alone, later, sleeper.
      const sleeper = note('sleeper', pool.query('SELECT SLEEP(0.3) AS s', signal));
      const alone = note('alone', pool.query(
        `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '${USER}' AND COMMAND = 'Query'`, signal, { alone: true }));
      const later = note('later', pool.query('SELECT 1 AS one', signal));
      const [, running] = await Promise.all([sleeper, alone, later]);
      expect(finished).toEqual(['sleeper', 'alone', 'later']);
      expect(running.rows).toEqual([['1']]);
      expect(pool.size).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  });

  it('a query waiting to run alone gives up at the deadline, and the pool serves the next scrape', async () => {
    const pool = testPool();
    try {
      const deadline = new AbortController();
      const stuck = pool.query('SELECT SLEEP(20) AS s', deadline.signal);
      for (let i = 0; i < 100 && !(await threadsOf(USER)).some((t) => /SLEEP/.test(t.info ?? '')); i++) await sleep(50);
      const alone = pool.query('SHOW GLOBAL STATUS', deadline.signal, { alone: true });
      const held = pool.query('SELECT 2 AS two', deadline.signal);
      await new Promise((r) => setImmediate(r));
      deadline.abort();
      const results = await Promise.allSettled([stuck, alone, held]);
      expect(results.map((r) => r.status === 'rejected' && r.reason instanceof AbortedError)).toEqual([true, true, true]);
      const next = AbortSignal.timeout(10_000);
      const [status, one] = await Promise.all([
        pool.query("SHOW GLOBAL STATUS LIKE 'Uptime'", next, { alone: true }),
        pool.query('SELECT 1 AS one', next),
      ]);
      expect(status.rows.map((r) => r[0])).toEqual(['Uptime']);
      expect(one.rows).toEqual([['1']]);
    } finally {
      await pool.close();
    }
  });

  it('a collector blocked past the deadline is killed on the server; the others report', async () => {
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`);
    const h = await startHarness([`--config.my-cnf=${cnf}`, '--collect.heartbeat', `--collect.heartbeat.database=${DB}`, '--exporter.lock_wait_timeout=60']);
    const locker = await rootConnection();
    try {
      expect(sampleValue((await h.scrape()).samples, 'mysql_exporter_collector_success', { collector: 'collect.heartbeat' })).toBe(1);
      await locker.query(`LOCK TABLES ${DB}.heartbeat WRITE`);
      const started = Date.now();
      const { status, samples } = await h.scrape('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '1.25' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(status).toBe(200);
      expect(sampleValue(samples, 'mysql_up')).toBe(1);
      expect(sampleValue(samples, 'mysql_exporter_collector_success', { collector: 'collect.heartbeat' })).toBe(0);
      expect(sampleValue(samples, 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
      let waiting: unknown[] = [];
      for (let i = 0; i < 30; i++) {
        waiting = (await threadsOf(USER)).filter((t) => /heartbeat/.test(t.info ?? ''));
        if (waiting.length === 0) break;
        await sleep(100);
      }
      // Still locked: only a KILL can have ended the exporter's query.
      expect(waiting).toEqual([]);
      expect((await threadsOf(USER)).length).toBeLessThanOrEqual(2);
      await locker.query('UNLOCK TABLES');
      expect(sampleValue((await h.scrape()).samples, 'mysql_exporter_collector_success', { collector: 'collect.heartbeat' })).toBe(1);
    } finally {
      await locker.query('UNLOCK TABLES').catch(() => {});
      await locker.end();
      await h.close();
    }
  });
});
