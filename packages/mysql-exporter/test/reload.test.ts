/**
 * Reloading the credentials (mysqld_exporter 0.15's /-/reload) through the runtime's reload():
 * the next scrape logs in with what the file says now; a broken file keeps the old credentials.
 */
import { writeFileSync } from 'node:fs';
import { ConfigError, createLogger, MetricSink, parseCommandLine, startExporter } from '@scrapekit/exporter-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, spec } from '../src/spec.js';
import { createExporterUser, dropUser, mariadbAvailable, writeCnf, testName } from './harness.js';

const available = await mariadbAvailable();
const USER = testName('scrapekit_test_reload');
const PASSWORD = 'Reload-pw-3';

describe.runIf(available)('reload()', () => {
  beforeAll(() => createExporterUser(USER, PASSWORD));
  afterAll(() => dropUser(USER));

  it('re-reads the option file; a broken one is refused and the old credentials stay', async () => {
    const cnf = writeCnf(`[client]\nuser=${USER}\npassword=not-yet\nhost=127.0.0.1\nport=3306\n`);
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => logs.push(line) });
    const { flags } = parseCommandLine(spec, [`--config.my-cnf=${cnf}`], {});
    const runtime = setup({ flags, logger });
    const up = async (): Promise<boolean> => (await runtime.acquire({ signal: AbortSignal.timeout(10_000), logger, out: new MetricSink() })).ok;
    try {
      expect(await up()).toBe(false);
      writeFileSync(cnf, `[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`);
      await runtime.reload();
      expect(await up()).toBe(true);
      writeFileSync(cnf, `[client]\nuser=${USER}\npassword=${PASSWORD}\ntls=maybe\n`);
      await expect(runtime.reload()).rejects.toThrow(ConfigError);
      const refused = await runtime.reload().then(() => '', (err: Error) => err.message);
      expect(refused).toBe(`--config.my-cnf: ${cnf} line 4: [client] tls "maybe": use true, false, skip-verify or preferred`);
      expect(await up()).toBe(true);
      expect(logs.join('\n')).not.toContain(PASSWORD);
    } finally {
      await runtime.close?.();
    }
  });
});

describe.runIf(available)('POST /-/reload', () => {
  const HTTP_USER = testName('scrapekit_test_reload_http');
  beforeAll(() => createExporterUser(HTTP_USER, PASSWORD));
  afterAll(() => dropUser(HTTP_USER));

  it('re-reads the option file over HTTP: 200 and the next scrape logs in; a broken file answers 500 with the reason and changes nothing', async () => {
    const cnf = writeCnf(`[client]\nuser=${HTTP_USER}\npassword=not-yet\nhost=127.0.0.1\nport=3306\n`);
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => logs.push(line) });
    const running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', `--config.my-cnf=${cnf}`], env: {}, logger });
    const base = `http://${running.addresses[0]}`;
    const up = async (): Promise<string | undefined> => /^mysql_up (\d)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1];
    try {
      expect(await up()).toBe('0');
      writeFileSync(cnf, `[client]\nuser=${HTTP_USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`);
      const ok = await fetch(`${base}/-/reload`, { method: 'POST' });
      expect([ok.status, await ok.text()]).toEqual([200, 'OK\n']);
      expect(await up()).toBe('1');
      writeFileSync(cnf, `[client]\nuser=${HTTP_USER}\npassword=${PASSWORD}\ntls=maybe\n`);
      const refused = await fetch(`${base}/-/reload`, { method: 'POST' });
      expect([refused.status, await refused.text()])
        .toEqual([500, `Reloading the configuration failed: --config.my-cnf: ${cnf} line 4: [client] tls "maybe": use true, false, skip-verify or preferred\n`]);
      expect(await up()).toBe('1');
      expect(logs.join('\n')).not.toContain(PASSWORD);
    } finally {
      await running.close();
    }
  });
});

