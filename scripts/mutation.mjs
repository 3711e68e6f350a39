#!/usr/bin/env node
// npm run test:mutation [-- <scope> ...]: Stryker over each scope of stryker.config.mjs in turn
// (all of them when none is named), then one line per scope with its mutation score, read from
// reports/mutation/<scope>.json. Extra Stryker flags pass through, e.g. `-- kit --incremental`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SCOPES } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const scopes = [];
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (!arg.startsWith('-')) {
    scopes.push(arg);
  } else {
    passThrough.push(arg);
    // A flag's value (`--concurrency 2`, `--mutate a.ts,b.ts`) passes through with it.
    const next = args[i + 1];
    if (!arg.includes('=') && next !== undefined && !next.startsWith('-') && !(next in SCOPES)) passThrough.push(args[++i]);
  }
}
for (const s of scopes) {
  if (!(s in SCOPES)) {
    console.error(`mutation: unknown scope ${s}; use one of ${Object.keys(SCOPES).join(', ')}`);
    process.exit(1);
  }
}
const summary = [];
let failed = false;
for (const scope of scopes.length > 0 ? scopes : Object.keys(SCOPES)) {
  const run = spawnSync('npx', ['stryker', 'run', ...passThrough], { stdio: 'inherit', env: { ...process.env, MUTATION_SCOPE: scope } });
  if (run.status !== 0) {
    failed = true;
    summary.push(`${scope}: Stryker exited with ${run.status}`);
    continue;
  }
  const report = JSON.parse(readFileSync(`reports/mutation/${scope}.json`, 'utf8'));
  let killed = 0;
  let valid = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === 'CompileError' || m.status === 'RuntimeError' || m.status === 'Ignored') continue;
      valid++;
      if (m.status === 'Killed' || m.status === 'Timeout') killed++;
    }
  }
  summary.push(`${scope}: mutation score ${(100 * killed / Math.max(valid, 1)).toFixed(1)} % (${killed} of ${valid} mutants killed)`);
}
console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
