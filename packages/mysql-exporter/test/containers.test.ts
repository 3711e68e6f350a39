/**
 * The same checks on Oracle MySQL 8.0 and 8.4 in testcontainers, where Docker exists. This machine
 * has no Docker engine: then the suite is skipped with the reason printed — also in CI, because a
 * missing container engine is not an unreachable service of ours.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { sampleValue, startHarness, writeCnf, type Harness } from './harness.js';

function dockerProblem(): string | undefined {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'the docker CLI is not installed' : '`docker info` failed (no container engine reachable)';
  }
}

const problem = dockerProblem();
if (problem) console.warn(`SKIPPED: MySQL 8.0/8.4 testcontainers suite: ${problem}`);

const USER = 'scrapekit_test_exp';
const PASSWORD = 'Tc-pw-8';

for (const image of ['mysql:8.0', 'mysql:8.4']) {
  describe.skipIf(problem !== undefined)(`mysql-exporter against ${image} (testcontainers)`, () => {
    let stop: () => Promise<void> = async () => {};
    let h: Harness;
    let root: mysql.Connection;

    beforeAll(async () => {
      const { GenericContainer, Wait } = await import('testcontainers');
      const container = await new GenericContainer(image)
        .withEnvironment({ MYSQL_ALLOW_EMPTY_PASSWORD: 'yes', MYSQL_ROOT_HOST: '%' })
        .withExposedPorts(3306)
        .withWaitStrategy(Wait.forLogMessage(/ready for connections.*port: 3306/))
        .withStartupTimeout(180_000)
        .start();
      stop = async () => {
        await container.stop();
      };
      const host = container.getHost();
      const port = container.getMappedPort(3306);
      root = await mysql.createConnection({ host, port, user: 'root', password: '' });
      await root.query(`CREATE USER '${USER}'@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS 3`, [PASSWORD]);
      await root.query(`GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO '${USER}'@'%'`);
      await root.query('CREATE DATABASE scrapekit_test_tc');
      await root.query('CREATE TABLE scrapekit_test_tc.t (id INT PRIMARY KEY) ENGINE=InnoDB');
      // A replica channel whose source does not exist: SHOW REPLICA STATUS then has a row.
      await root.query("CHANGE REPLICATION SOURCE TO SOURCE_HOST='127.0.0.1', SOURCE_PORT=1, SOURCE_USER='nobody', SOURCE_CONNECT_RETRY=3600");
      await root.query('START REPLICA');
      h = await startHarness([
        `--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=${host}\nport=${port}\n`)}`,
        '--collect.perf_schema.eventsstatementssum', '--collect.perf_schema.eventswaits', '--collect.perf_schema.tableiowaits',
        '--collect.perf_schema.indexiowaits', '--collect.perf_schema.tablelocks', '--collect.perf_schema.file_events',
        '--collect.info_schema.innodb_metrics', '--collect.info_schema.processlist', '--collect.perf_schema.replication_group_members',
      ]);
    }, 240_000);

    afterAll(async () => {
      await h?.close();
      await root?.end().catch(() => {});
      await stop();
    });

    it('is up with every collector successful', async () => {
      const { samples } = await h.scrape();
      expect(sampleValue(samples, 'mysql_up')).toBe(1);
      const failed = samples.filter((s) => s.name === 'mysql_exporter_collector_success' && s.value !== 1).map((s) => s.labels.collector);
      expect(failed).toEqual([]);
    });

    it('counts InnoDB row operations and statements we generate', async () => {
      const before = (await h.scrape()).samples;
      for (let i = 0; i < 25; i++) await root.query('INSERT INTO scrapekit_test_tc.t VALUES (?)', [i]);
      const after = (await h.scrape()).samples;
      const d = (name: string, labels: Record<string, string>) => (sampleValue(after, name, labels) ?? NaN) - (sampleValue(before, name, labels) ?? NaN);
      expect(d('mysql_global_status_innodb_row_ops_total', { operation: 'inserted' })).toBeGreaterThanOrEqual(25);
      expect(d('mysql_global_status_commands_total', { command: 'insert' })).toBeGreaterThanOrEqual(25);
      expect(d('mysql_perf_schema_events_statements_total', {})).toBeGreaterThanOrEqual(25);
    });

    it('exports SHOW REPLICA STATUS under the mysql_slave_status_* names the mixin uses', async () => {
      const { samples } = await h.scrape();
      expect(sampleValue(samples, 'mysql_slave_status_slave_io_running', { master_host: '127.0.0.1' })).toBe(0);
      expect(sampleValue(samples, 'mysql_slave_status_slave_sql_running', { master_host: '127.0.0.1' })).toBe(1);
      expect(sampleValue(samples, 'mysql_slave_status_sql_delay', { master_host: '127.0.0.1' })).toBe(0);
    });
  });
}
