import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where the run's counts and skipped tests are written for scripts/check-skip-budget.mjs. */
export const SUMMARY_FILE = process.env.SCRAPEKIT_TEST_SUMMARY ?? 'test-results/summary.json';

export interface SkippedTest {
  readonly file: string;
  readonly name: string;
  readonly reason: string;
}

/**
 * Prints every skipped test with its reason, then one plain closing line,
 * `Tests: N passed, N failed, N skipped`, that CI log readers understand, and writes the same
 * figures to SUMMARY_FILE so .ci/run can hold the skipped count to the repo's budget.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: SkippedTest[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else {
          const reason = result.state === 'skipped' && result.note
            ? result.note
            : test.options.mode === 'todo' ? 'todo' : 'skipped without a reason (a static skip or skipIf)';
          skipped.push({ file: mod.relativeModuleId, name: test.fullName, reason });
        }
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    if (skipped.length > 0) {
      process.stdout.write(`\nSkipped tests (${skipped.length}):\n`);
      for (const s of skipped) process.stdout.write(`  - ${s.file} > ${s.name}: ${s.reason}\n`);
    }
    mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
    writeFileSync(SUMMARY_FILE, `${JSON.stringify({ passed, failed, skipped }, null, 2)}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
  }
}
