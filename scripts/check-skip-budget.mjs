#!/usr/bin/env node
// Fails CI when more tests were skipped than test/skip-budget.json allows: a skip is a test that
// proved nothing, so every allowed one is declared there with its reason.
import { readFileSync } from 'node:fs';

const summaryFile = process.env.SCRAPEKIT_TEST_SUMMARY ?? 'test-results/summary.json';
const budget = JSON.parse(readFileSync(new URL('../test/skip-budget.json', import.meta.url), 'utf8'));
let summary;
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch (err) {
  console.error(`check-skip-budget: cannot read ${summaryFile} (${err.message}); did the test run finish?`);
  process.exit(1);
}
const count = summary.skipped.length;
if (count > budget.max) {
  console.error(`check-skip-budget: ${count} tests skipped, the budget in test/skip-budget.json is ${budget.max}:`);
  for (const s of summary.skipped) console.error(`  - ${s.file} > ${s.name}: ${s.reason}`);
  console.error('Make the skipped tests run here, or raise the budget with the reason in test/skip-budget.json.');
  process.exit(1);
}
console.log(`check-skip-budget: ${count} skipped, within the budget of ${budget.max}`);
