#!/usr/bin/env node
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
import v8 from 'node:v8';

// A scrape of 10k queues builds ~200k samples and their text in one go; with V8's default
// 16 MB semi-spaces most of that short-lived garbage is promoted and the process peaks at
// 400-600 MB RSS. Small semi-spaces and size-oriented heuristics keep the peak near 200 MB for
// a few percent of CPU (docs/BENCHMARKS.md). Set before any allocation-heavy work; skipped when
// the operator tunes the young generation through NODE_OPTIONS or node's own flags.
const tuned = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('semi-space'));
if (!tuned) v8.setFlagsFromString('--max-semi-space-size=2 --optimize-for-size');

import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/main.js')) {
    process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
  } else {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
  }
  process.exit(1);
});
