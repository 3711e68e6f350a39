import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const kitSource = fileURLToPath(new URL('./packages/exporter-kit/src/index.ts', import.meta.url));
const kitHeapTuning = fileURLToPath(new URL('./packages/exporter-kit/src/heap-tuning.ts', import.meta.url));
const kitLaunch = fileURLToPath(new URL('./packages/exporter-kit/src/launch.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the kit's TypeScript source, so a change there needs no rebuild.
    alias: [
      { find: /^@scrapekit\/exporter-kit$/, replacement: kitSource },
      { find: /^@scrapekit\/exporter-kit\/heap-tuning$/, replacement: kitHeapTuning },
      { find: /^@scrapekit\/exporter-kit\/launch$/, replacement: kitLaunch },
    ],
  },
  test: {
    include: ['packages/*/{src,test}/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'docker/test/**/*.test.ts', 'deploy/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: integration tests share one MariaDB and one RabbitMQ; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
  },
});
