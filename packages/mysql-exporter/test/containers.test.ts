/**
 * The integration suite on Oracle MySQL 8.0 and 8.4 in testcontainers, plus the replica-syntax
 * check, where Docker runs and the image is already present: nothing is pulled (this machine
 * cannot reach a registry, and a pull inside a test run is slow and flaky anyway). Without an
 * engine or without the image, the suite is skipped with the reason printed, also in CI, because
 * neither is an unreachable service of ours.
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

/** Why `image` cannot run here without a pull, or undefined when it is present locally. */
function imageProblem(image: string): string | undefined {
  const engine = dockerProblem();
  if (engine) return engine;
  try {
    execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore', timeout: 10_000 });
    return undefined;
  } catch {
    return `the image ${image} is not present locally (docker pull ${image} where a registry is reachable)`;
  }
}

const REPLICA_USER = 'scrapekit_test_replica';
const PASSWORD = 'Tc-pw-8';

for (const image of ['mysql:8.0', 'mysql:8.4']) {
  const problem = imageProblem(image);
  const title = `mysql-exporter against ${image} (testcontainers)`;
  if (problem !== undefined) {
    // One skipped test, with the reason, stands for the suite below (the runner prints it).
    it(`${title}: the integration suite and the replica-syntax check`, ({ skip }) => skip(problem));
    continue;
  }
  describe(title, () => {
    let server: DbServer = { host: '', port: 0, isMariaDB: false };
    let stop: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const { GenericContainer, Wait } = await import('testcontainers');
      const container = await new GenericContainer(image)
        .withPullPolicy({ shouldPull: () => false })
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
