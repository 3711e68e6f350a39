/**
 * The integration suite on Oracle MySQL 8.0 and 8.4 in testcontainers, plus the replica-syntax
 * check, where Docker exists. This machine has no Docker engine: then the suite is skipped with
 * the reason printed, also in CI, because a missing container engine is not an unreachable
 * service of ours.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExporterUser, dropUser, rootQuery, sampleValue, startHarness, writeCnf, type DbServer, type Harness } from './harness.js';
import { integrationSuite } from './integration-suite.js';

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

const REPLICA_USER = 'scrapekit_test_replica';
const PASSWORD = 'Tc-pw-8';

for (const image of ['mysql:8.0', 'mysql:8.4']) {
  describe.skipIf(problem !== undefined)(`mysql-exporter against ${image} (testcontainers)`, () => {
    let server: DbServer = { host: '', port: 0, isMariaDB: false };
    let stop: () => Promise<void> = async () => {};

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
      server = { host: container.getHost(), port: container.getMappedPort(3306), isMariaDB: false };
    }, 240_000);

    afterAll(() => stop());

    integrationSuite(() => server);

    describe('SHOW REPLICA STATUS under the mysql_slave_status_* names', () => {
      let h: Harness;
      beforeAll(async () => {
        await createExporterUser(REPLICA_USER, PASSWORD, 3, server);
        // A replica channel whose source does not exist: SHOW REPLICA STATUS then has a row with
        // Replica_IO_Running = Connecting, the state MySQLReplicationNotRunning must see.
        await rootQuery("CHANGE REPLICATION SOURCE TO SOURCE_HOST='127.0.0.1', SOURCE_PORT=1, SOURCE_USER='nobody', SOURCE_CONNECT_RETRY=3600", server);
        await rootQuery('START REPLICA', server);
        h = await startHarness([`--config.my-cnf=${writeCnf(`[client]\nuser=${REPLICA_USER}\npassword=${PASSWORD}\nhost=${server.host}\nport=${server.port}\n`)}`]);
      });
      afterAll(async () => {
        await h?.close();
        await rootQuery('STOP REPLICA', server).catch(() => {});
        await rootQuery('RESET REPLICA ALL', server).catch(() => {});
        await dropUser(REPLICA_USER, server);
      });

      it('keeps the mixin\'s replication alert inputs', async () => {
        const { samples } = await h.scrape();
        expect(sampleValue(samples, 'mysql_exporter_collector_success', { collector: 'collect.slave_status' })).toBe(1);
        expect(sampleValue(samples, 'mysql_slave_status_replica_io_running', { master_host: '127.0.0.1' })).toBe(0);
        expect(sampleValue(samples, 'mysql_slave_status_slave_io_running', { master_host: '127.0.0.1' })).toBe(0);
        expect(sampleValue(samples, 'mysql_slave_status_slave_sql_running', { master_host: '127.0.0.1' })).toBe(1);
        expect(sampleValue(samples, 'mysql_slave_status_sql_delay', { master_host: '127.0.0.1' })).toBe(0);
      });
    });
  });
}
