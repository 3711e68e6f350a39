/**
 * Configuration paths end to end: /probe with auth modules, the unix socket, the real binary with
 * MYSQLD_EXPORTER_PASSWORD, and one-line errors with exit code 1 for bad configuration.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Socket } from 'node:net';
import { freePort, startProcess, waitForHttp } from '../../../test/support/processes.js';
import { requireDependency } from '../../../test/support/services.js';
import { createExporterUser, DB_HOST, DB_PORT, dropUser, mariadbAvailable, sampleValue, parseSamples, startHarness, threadsOf, testName, writeCnf, type Harness } from './harness.js';

const available = await mariadbAvailable();
const USER = testName('scrapekit_test_probe');
const PASSWORD = 'Probe-pw-5';
const SOCKET = '/run/mysqld/mysqld.sock';
const BIN = fileURLToPath(new URL('../bin/mysql-exporter.js', import.meta.url));
const BUILT = available && requireDependency(existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url))), 'the built mysql-exporter (npm run build)');
const HAVE_SOCKET = available && requireDependency(existsSync(SOCKET), `MariaDB's unix socket ${SOCKET}`);

describe.runIf(available)('multi-target /probe and auth modules', () => {
  let h: Harness;
  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD);
    // [client] has no usable password: only the auth module can log in.
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword=wrong\nhost=127.0.0.1\nport=3306\n[client.servers]\npassword=${PASSWORD}\n[client.nouser]\nuser=\n[client.tls]\npassword=${PASSWORD}\ntls=true\n`);
    h = await startHarness([`--config.my-cnf=${cnf}`]);
  });
  afterAll(async () => {
    await h?.close();
    await dropUser(USER);
  });

  it('probes host:port with the named auth module, which inherits user from [client]', async () => {
    const r = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.servers');
    expect(r.status).toBe(200);
    expect(sampleValue(r.samples, 'mysql_up')).toBe(1);
    expect(sampleValue(r.samples, 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
    expect(r.samples.some((s) => s.name.startsWith('process_') || s.name === 'mysqld_exporter_build_info')).toBe(false);
  });

  it('uses [client] without auth_module (here: wrong password → up 0)', async () => {
    const r = await h.scrape('/probe?target=127.0.0.1:3306');
    expect(r.status).toBe(200);
    expect(sampleValue(r.samples, 'mysql_up')).toBe(0);
  });

  it('answers 400 without target, for an unknown auth module or a target that is no address', async () => {
    expect((await h.scrape('/probe')).status).toBe(400);
    const unknown = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.missing');
    expect(unknown.status).toBe(400);
    const bad = await h.scrape('/probe?target=127.0.0.1:mysql&auth_module=client.servers');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/the port must be a number/);
    expect(h.logs.join('\n')).toContain('skipping config section');
  });

  it('takes a target without a port as that host on 3306, as go-sql-driver does', async () => {
    expect(sampleValue((await h.scrape('/probe?target=127.0.0.1&auth_module=client.servers')).samples, 'mysql_up')).toBe(1);
    // Nothing listens on 127.0.0.2:3306 (MariaDB binds 127.0.0.1): that server is down, not another one up.
    expect(sampleValue((await h.scrape('/probe?target=127.0.0.2&auth_module=client.servers')).samples, 'mysql_up')).toBe(0);
  });

  it('applies the TLS settings of a section (this MariaDB has TLS disabled: tls=true must fail, not fall back)', async () => {
    const tls = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.tls');
    expect(tls.status).toBe(200);
    expect(sampleValue(tls.samples, 'mysql_up')).toBe(0);
    expect(h.logs.filter((l) => l.includes('auth_module=client.tls')).join('\n')).toMatch(/secure connection|SSL|TLS/i);
  });

  it.runIf(HAVE_SOCKET)('connects through the unix socket', async () => {
    const r = await h.scrape(`/probe?target=${encodeURIComponent(`unix://${SOCKET}`)}&auth_module=client.servers`);
    expect(sampleValue(r.samples, 'mysql_up')).toBe(1);
  });
});

/** Runs the bin until it exits (generously bounded); its exit code and stderr. */
function runToExit(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, MYSQLD_EXPORTER_PASSWORD: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

describe.runIf(BUILT)('the built binary', () => {
  beforeAll(() => createExporterUser(USER, PASSWORD));
  afterAll(() => dropUser(USER));

  it('takes --mysqld.address, --mysqld.username and MYSQLD_EXPORTER_PASSWORD', async () => {
    const port = await freePort();
    const p = startProcess(process.execPath, [BIN, `--web.listen-address=127.0.0.1:${port}`, `--config.my-cnf=${writeCnf('')}`, '--mysqld.address=127.0.0.1:3306', `--mysqld.username=${USER}`], {
      ...process.env, MYSQLD_EXPORTER_PASSWORD: PASSWORD,
    });
    try {
      const body = await waitForHttp(`http://127.0.0.1:${port}/metrics`);
      expect(sampleValue(parseSamples(body), 'mysql_up')).toBe(1);
      expect(body).toMatch(/^mysqld_exporter_build_info\{/m);
      expect(p.output()).not.toContain(PASSWORD);
    } finally {
      await p.stop();
    }
  });

  it('exits 1 with one line for bad configuration', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--config.my-cnf=/nonexistent/scrapekit.cnf'], /--config\.my-cnf: cannot read/],
      [[`--config.my-cnf=${writeCnf('')}`, '--exporter.max_open_connections=5', '--mysqld.username=u'], /max_open_connections: must be 1 or 2/],
      [['--config.my-cnf=/dev/null'], /no usable configuration/],
      [[`--config.my-cnf=${writeCnf('')}`, '--mysqld.address=db.internal:mysql', '--mysqld.username=u'], /^mysql-exporter: error: --mysqld\.address: address "db\.internal:mysql": the port must be a number/],
      [[`--config.my-cnf=${writeCnf('[client]\nuser=u\npassword hunter2-pw\n')}`], /my\.cnf line 3: option name contains a space; write it as key=value/],
      [[`--config.my-cnf=${writeCnf('[clinet]\nuser=u\n')}`], /my\.cnf line 1: no \[client\] section; found \[clinet\]: rename it to \[client\]/],
      [[`--config.my-cnf=${writeCnf('[client]\nuser=u\ntls=maybe\n')}`], /my\.cnf line 3: \[client\] tls "maybe": use true, false, skip-verify or preferred/],
      [[`--config.my-cnf=${writeCnf('[client]\nuser=u\nssl-ca=/nonexistent/ca.pem\n')}`], /my\.cnf line 3: \[client\] ssl-ca "\/nonexistent\/ca\.pem": cannot read/],
    ];
    // Two at a time: each is a node start-up, slow on a loaded machine.
    const results: Array<{ status: number | null; stderr: string }> = [];
    for (let i = 0; i < cases.length; i += 2) {
      results.push(...await Promise.all(cases.slice(i, i + 2).map(([args]) => runToExit([BIN, '--web.listen-address=127.0.0.1:0', ...args]))));
    }
    for (const [i, [, message]] of cases.entries()) {
      const r = results[i];
      expect(r.status, String(message)).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('hunter2-pw');
    }
  }, 180_000);

  it('reads $HOME/.my.cnf by default, not ./.my.cnf', async () => {
    const home = dirname(writeCnf(''));
    writeFileSync(join(home, '.my.cnf'), `[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`, { mode: 0o600 });
    const elsewhere = dirname(writeCnf(''));
    writeFileSync(join(elsewhere, '.my.cnf'), '[client]\nuser=nobody\npassword=wrong\nhost=127.0.0.1\nport=3306\n', { mode: 0o600 });
    const port = await freePort();
    // Started from `elsewhere`, whose ./.my.cnf would log in as a user that does not exist.
    const p = startProcess('/bin/sh', ['-c', 'cd "$0" && exec "$@"', elsewhere, process.execPath, BIN, `--web.listen-address=127.0.0.1:${port}`], { ...process.env, HOME: home });
    try {
      expect(sampleValue(parseSamples(await waitForHttp(`http://127.0.0.1:${port}/metrics`)), 'mysql_up')).toBe(1);
    } finally {
      await p.stop();
    }
  });

  it('honours DATA_SOURCE_NAME as mysqld_exporter 0.14 did, with a deprecation warning and without logging it', async () => {
    const port = await freePort();
    const p = startProcess(process.execPath, [BIN, `--web.listen-address=127.0.0.1:${port}`, '--config.my-cnf=/nonexistent/.my.cnf'], {
      ...process.env, DATA_SOURCE_NAME: `${USER}:${PASSWORD}@tcp(127.0.0.1:3306)/`,
    });
    try {
      const body = await waitForHttp(`http://127.0.0.1:${port}/metrics`);
      expect(sampleValue(parseSamples(body), 'mysql_up')).toBe(1);
      expect(p.output()).toMatch(/level=warn.*DATA_SOURCE_NAME is deprecated/);
      expect(p.output()).not.toContain(PASSWORD);
      expect(body).not.toContain(PASSWORD);
    } finally {
      await p.stop();
    }
  });
});

describe.runIf(available)('--mysqld.address without a port', () => {
  beforeAll(() => createExporterUser(USER, PASSWORD));
  afterAll(() => dropUser(USER));

  /** A proxy on 127.0.0.2:3306 to the real server: proof that "host" means host:3306 and nothing else. */
  async function listenOn3306Of127002(): Promise<{ connections: () => number; close(): Promise<void> } | undefined> {
    const sockets = new Set<Socket>();
    let connections = 0;
    const server = createServer((client) => {
      connections++;
      const upstream = connect(DB_PORT, DB_HOST);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(3306, '127.0.0.2', () => resolve(true));
    });
    if (!ok) return undefined;
    return {
      connections: () => connections,
      close: async () => {
        for (const s of sockets) s.destroy();
        await new Promise<void>((r) => server.close(() => r()));
      },
    };
  }

  it('monitors that host on 3306: down when nothing listens there, never the default server', async () => {
    const h = await startHarness(['--mysqld.address=127.0.0.2', `--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\n`)}`]);
    try {
      const { status, samples } = await h.scrape();
      expect(status).toBe(200);
      expect(sampleValue(samples, 'mysql_up')).toBe(0);
      expect(h.logs.join('\n')).toMatch(/127\.0\.0\.2:3306/);
    } finally {
      await h.close();
    }
  });

  it('and up through that host:3306 when a server is there', async (ctx) => {
    const proxy = await listenOn3306Of127002();
    if (!requireDependency(proxy !== undefined, 'a free 127.0.0.2:3306 to listen on')) ctx.skip('127.0.0.2:3306 is taken');
    const h = await startHarness(['--mysqld.address=127.0.0.2', `--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\n`)}`]);
    try {
      expect(sampleValue((await h.scrape()).samples, 'mysql_up')).toBe(1);
      expect(proxy?.connections()).toBeGreaterThanOrEqual(1);
    } finally {
      await h.close();
      await proxy?.close();
    }
  });
});

describe.runIf(available)('one pool per server: /metrics and /probe together stay within MAX_USER_CONNECTIONS', () => {
  const LIMITED = testName('scrapekit_test_pool');
  beforeAll(() => createExporterUser(LIMITED, PASSWORD, 3));
  afterAll(() => dropUser(LIMITED));

  it('concurrent /metrics and /probe of the same server share at most 2 connections, and all succeed', async () => {
    const cnf = writeCnf(`[client]\nuser=${LIMITED}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n[client.same]\n`);
    const h = await startHarness([`--config.my-cnf=${cnf}`]);
    let sampling = true;
    const seen: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        seen.push((await threadsOf(LIMITED)).length);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    try {
      const paths = ['/metrics', '/probe?target=127.0.0.1:3306', '/probe?target=127.0.0.1:3306&auth_module=client.same', '/probe?target=127.0.0.1'];
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all(paths.map((p) => h.scrape(p)));
        for (const [i, r] of results.entries()) {
          expect(r.status, paths[i]).toBe(200);
          expect(sampleValue(r.samples, 'mysql_up'), paths[i]).toBe(1);
          const failed = r.samples.filter((s) => s.name === 'mysql_exporter_collector_success' && s.value !== 1).map((s) => s.labels.collector);
          expect(failed, paths[i]).toEqual([]);
        }
      }
    } finally {
      sampling = false;
      await sampler;
      await h.close();
    }
    expect(h.logs.filter((l) => /max_user_connections|level=error/i.test(l))).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
  });
});
