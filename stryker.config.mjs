// Mutation testing (npm run test:mutation): where a silent bug costs users most. One scope per
// run (MUTATION_SCOPE, default: all of them in turn through scripts/mutation.mjs); each mutates
// that layer's sources and runs only its unit tests (vitest.mutation.config.ts).

/** Test files that need a service, an oracle binary or promtool: not part of a mutation run. */
const SERVICE_TESTS = [
  '**/oracle.test.ts', '**/*-oracle.test.ts', '**/lint.test.ts', '**/footprint.test.ts', '**/launcher.test.ts',
  '**/cli-process.test.ts', '**/web-config-oracle.test.ts', '**/regex-flags.test.ts',
];

/**
 * The node parsers are judged by their own unit tests (one file beside each parser's fixture, and
 * the malformed-input file), not by the collector and fixture-tree tests: those run every parser for
 * each mutant, which made a run of the parsers take hours on two cores. A mutant only they would kill
 * counts as a survivor, so the score is a lower bound.
 */
const NODE_PARSER_TESTS = [
  'packages/node-exporter/test/procfs/**/*.test.ts',
  'packages/node-exporter/test/sysfs/**/*.test.ts',
  'packages/node-exporter/test/textfile/**/*.test.ts',
  'packages/node-exporter/test/netlink/**/*.test.ts',
  'packages/node-exporter/test/read/**/*.test.ts',
];

export const SCOPES = {
  kit: {
    mutate: [
      'packages/exporter-kit/src/exposition.ts',
      'packages/exporter-kit/src/web-config*.ts',
      'packages/exporter-kit/src/flags/**/*.ts',
      'packages/exporter-kit/src/suggest.ts',
    ],
    tests: ['packages/exporter-kit/test/**/*.test.ts'],
  },
  'node-parsers': {
    mutate: [
      'packages/node-exporter/src/procfs/**/*.ts',
      'packages/node-exporter/src/sysfs/**/*.ts',
      'packages/node-exporter/src/textfile/parse.ts',
      'packages/node-exporter/src/netlink/**/*.ts',
    ],
    tests: NODE_PARSER_TESTS,
  },
  // The parsers behind the node-mixin's dashboards and alerts: the part of node-parsers measured
  // on every change (the whole of node-parsers takes hours on two cores).
  'node-mixin-parsers': {
    mutate: [
      'packages/node-exporter/src/procfs/meminfo.ts',
      'packages/node-exporter/src/procfs/stat.ts',
      'packages/node-exporter/src/procfs/diskstats.ts',
      'packages/node-exporter/src/procfs/netdev.ts',
      'packages/node-exporter/src/procfs/mountinfo.ts',
      'packages/node-exporter/src/procfs/loadavg.ts',
      'packages/node-exporter/src/procfs/keyvalue.ts',
      'packages/node-exporter/src/textfile/parse.ts',
      'packages/node-exporter/src/netlink/**/*.ts',
    ],
    tests: NODE_PARSER_TESTS,
  },
  mysql: {
    mutate: ['packages/mysql-exporter/src/naming.ts', 'packages/mysql-exporter/src/config.ts'],
    tests: ['packages/mysql-exporter/test/naming.test.ts', 'packages/mysql-exporter/test/config.test.ts'],
  },
  cloudwatch: {
    mutate: ['packages/cloudwatch-exporter/src/naming.ts', 'packages/cloudwatch-exporter/src/config/**/*.ts'],
    tests: ['packages/cloudwatch-exporter/test/naming.test.ts', 'packages/cloudwatch-exporter/test/config.test.ts', 'packages/cloudwatch-exporter/test/yace-config.test.ts'],
  },
  rabbitmq: {
    mutate: ['packages/rabbitmq-exporter/src/mapping/**/*.ts'],
    tests: ['packages/rabbitmq-exporter/test/mapping.test.ts', 'packages/rabbitmq-exporter/test/plugin-families.test.ts', 'packages/rabbitmq-exporter/test/erlang-vm.test.ts'],
  },
};

export function mutationScope(name = process.env.MUTATION_SCOPE ?? 'kit') {
  const scope = SCOPES[name];
  if (!scope) throw new Error(`MUTATION_SCOPE=${name}: use one of ${Object.keys(SCOPES).join(', ')}`);
  return { name, ...scope, excludeTests: SERVICE_TESTS };
}

const scope = mutationScope();

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: scope.mutate.flatMap((glob) => [glob, `!${glob.replace(/\*\*\/\*\.ts$|\*\.ts$|\.ts$/, '')}**/*.d.ts`]).filter((g) => !g.endsWith('!**/*.d.ts')),
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${scope.name}.json` },
  // In place: the node fixture trees hold symlinks (proc/self) that Stryker's sandbox copy cannot
  // take. Stryker restores every file when it ends; after a killed run, `git checkout -- packages`.
  inPlace: true,
  tempDirName: `.stryker-tmp/${scope.name}`,
  ignorePatterns: ['bench/results', 'reports', 'test-results', '.turbo', 'packages/*/bin', 'docker', 'deploy'],
  cleanTempDir: true,
  // Vitest strips types without checking them, so no `// @ts-nocheck` is needed; leaving it off
  // keeps an in-place run from touching any file but the ones it mutates.
  disableTypeChecks: false,
};
