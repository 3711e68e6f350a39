import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const kitSource = fileURLToPath(new URL('./packages/exporter-kit/src/index.ts', import.meta.url));
const kitHeapTuning = fileURLToPath(new URL('./packages/exporter-kit/src/heap-tuning.ts', import.meta.url));
const kitLibc = fileURLToPath(new URL('./packages/exporter-kit/src/libc.ts', import.meta.url));
const kitLaunch = fileURLToPath(new URL('./packages/exporter-kit/src/launch.ts', import.meta.url));

/** Stryker's backup copies of the tree (.stryker-tmp) are never part of a run. */
const NEVER_TESTS = ['**/node_modules/**', '.stryker-tmp/**'];
const ALL_TESTS = ['packages/*/{src,test}/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'docker/test/**/*.test.ts', 'deploy/test/**/*.test.ts', 'monitoring/test/**/*.test.ts'];

/**
 * Test files that need something outside the test process: MariaDB, RabbitMQ, Prometheus or
 * promtool, a Go oracle binary, Docker, Pushgateway, VictoriaMetrics, chrony, or a built exporter
 * started as a child process. Everything else is a unit test (project `unit`, `npm run test:unit`):
 * it runs in-process against fixtures, in-process HTTP servers and the openssl CLI only.
 * A new test that needs any of the above goes in this list (see docs/TESTING.md).
 */
export const INTEGRATION_TESTS = [
  // Root end-to-end suites: Prometheus, Pushgateway/VictoriaMetrics, the built launchers; Docker
  // images and compose; systemd-analyze and the Kubernetes schemas.
  'test/**/*.test.ts',
  'docker/test/**/*.test.ts',
  'deploy/test/**/*.test.ts',
  'bench/**/*.test.ts',
  // Go oracles (node_exporter, mysqld_exporter, exporter-toolkit) and promtool.
  'packages/*/test/**/*oracle.test.ts',
  'packages/exporter-kit/test/server.test.ts',
  'packages/node-exporter/test/lint.test.ts',
  // Built exporters or receivers run as child processes.
  'packages/exporter-kit/test/cli-process.test.ts',
  'packages/exporter-kit/test/push/push-once-process.test.ts',
  'packages/exporter-kit/test/push/push-real-receivers.test.ts',
  'packages/node-exporter/test/launcher.test.ts',
  'packages/node-exporter/test/flags/regex-flags.test.ts',
  'packages/node-exporter/test/flags/systemd-unit-flags.test.ts',
  'packages/cloudwatch-exporter/test/startup.test.ts',
  // Real peers started by the test: chronyd, a private dbus-daemon; ip/tc/ethtool on this host.
  'packages/node-exporter/test/collectors/ntp.test.ts',
  'packages/node-exporter/test/collectors/logind.test.ts',
  'packages/node-exporter/test/syscall/live-host.test.ts',
  // MariaDB (and Docker for the container tests).
  'packages/mysql-exporter/test/containers.test.ts',
  'packages/mysql-exporter/test/integration.test.ts',
  'packages/mysql-exporter/test/mixin.test.ts',
  'packages/mysql-exporter/test/multitarget.test.ts',
  'packages/mysql-exporter/test/resilience.test.ts',
  'packages/mysql-exporter/test/reload.test.ts',
  'packages/mysql-exporter/test/tls.test.ts',
  // RabbitMQ.
  'packages/rabbitmq-exporter/test/alarm.test.ts',
  'packages/rabbitmq-exporter/test/broker.test.ts',
  'packages/rabbitmq-exporter/test/canary-objects.test.ts',
  'packages/rabbitmq-exporter/test/collectors.test.ts',
  'packages/rabbitmq-exporter/test/config-flags.test.ts',
  'packages/rabbitmq-exporter/test/dashboard.test.ts',
  'packages/rabbitmq-exporter/test/failures.test.ts',
  'packages/rabbitmq-exporter/test/plugin-compat.test.ts',
  'packages/rabbitmq-exporter/test/tls.test.ts',
];

export default defineConfig({
  resolve: {
    // Tests run against the kit's TypeScript source, so a change there needs no rebuild.
    alias: [
      { find: /^@scrapekit\/exporter-kit$/, replacement: kitSource },
      { find: /^@scrapekit\/exporter-kit\/heap-tuning$/, replacement: kitHeapTuning },
      { find: /^@scrapekit\/exporter-kit\/launch$/, replacement: kitLaunch },
      { find: /^@scrapekit\/exporter-kit\/libc$/, replacement: kitLibc },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: integration tests share one MariaDB and one RabbitMQ; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    // `vitest run` runs both; `npm run test:unit` runs `--project unit` only.
    projects: [
      { extends: true, test: { name: 'unit', include: ALL_TESTS, exclude: [...NEVER_TESTS, ...INTEGRATION_TESTS] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION_TESTS, exclude: NEVER_TESTS } },
    ],
  },
});
