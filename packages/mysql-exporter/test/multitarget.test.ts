/**
 * Configuration paths end to end: /probe with auth modules, the unix socket, the real binary with
 * MYSQLD_EXPORTER_PASSWORD, and one-line errors with exit code 1 for bad configuration.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp } from '../../../test/support/processes.js';
import { createExporterUser, dropUser, mariadbAvailable, sampleValue, parseSamples, startHarness, writeCnf, type Harness } from './harness.js';

const available = await mariadbAvailable();
const USER = 'scrapekit_test_probe';
const PASSWORD = 'Probe-pw-5';
const SOCKET = '/run/mysqld/mysqld.sock';
const BIN = fileURLToPath(new URL('../bin/mysql-exporter.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)));

describe.runIf(available)('multi-target /probe and auth modules', () => {
  let h: Harness;
  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD);
    // [client] has no usable password: only the auth module can log in.
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword=wrong\nhost=127.0.0.1\nport=3306\n[client.servers]\npassword=${PASSWORD}\n[client.badport]\nport=99999\n[client.tls]\npassword=${PASSWORD}\ntls=true\n[client.badca]\npassword=${PASSWORD}\nssl-ca=/nonexistent/scrapekit-ca.pem\n`);
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

  it('answers 400 without target or for an unknown auth module, and up 0 for a target without port', async () => {
    expect((await h.scrape('/probe')).status).toBe(400);
    const unknown = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.missing');
    expect(unknown.status).toBe(400);
    expect(sampleValue((await h.scrape('/probe?target=127.0.0.1&auth_module=client.servers')).samples, 'mysql_up')).toBe(0);
    expect(h.logs.join('\n')).toContain('skipping config section');
  });

  it('applies the TLS settings of a section (this MariaDB has TLS disabled: tls=true must fail, not fall back)', async () => {
    const tls = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.tls');
    expect(tls.status).toBe(200);
    expect(sampleValue(tls.samples, 'mysql_up')).toBe(0);
    expect(h.logs.filter((l) => l.includes('auth_module=client.tls')).join('\n')).toMatch(/secure connection|SSL|TLS/i);
    const badCa = await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.badca');
    expect(sampleValue(badCa.samples, 'mysql_up')).toBe(0);
    expect(h.logs.filter((l) => l.includes('auth_module=client.badca')).join('\n')).toMatch(/scrapekit-ca\.pem/);
  });

  it.runIf(existsSync(SOCKET))('connects through the unix socket', async () => {
    const r = await h.scrape(`/probe?target=${encodeURIComponent(`unix://${SOCKET}`)}&auth_module=client.servers`);
    expect(sampleValue(r.samples, 'mysql_up')).toBe(1);
  });
});

describe.runIf(available && BUILT)('the built binary', () => {
  beforeAll(() => createExporterUser(USER, PASSWORD));
  afterAll(() => dropUser(USER));

  it('takes --mysqld.address, --mysqld.username and MYSQLD_EXPORTER_PASSWORD', async () => {
    const port = await freePort();
    const p = startProcess(process.execPath, [BIN, `--web.listen-address=127.0.0.1:${port}`, '--mysqld.address=127.0.0.1:3306', `--mysqld.username=${USER}`], {
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

  it('exits 1 with one line for bad configuration', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--config.my-cnf=/nonexistent/scrapekit.cnf'], /--config\.my-cnf: cannot read/],
      [['--exporter.max_open_connections=5', '--mysqld.username=u'], /max_open_connections: must be 1 or 2/],
      [['--config.my-cnf=/dev/null'], /no usable configuration/],
    ];
    for (const [args, message] of cases) {
      const r = spawnSync(process.execPath, [BIN, '--web.listen-address=127.0.0.1:0', ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, MYSQLD_EXPORTER_PASSWORD: '' } });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
