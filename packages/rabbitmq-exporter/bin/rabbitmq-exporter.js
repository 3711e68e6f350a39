#!/usr/bin/env node
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
//
// A scrape of 10k queues builds ~200k samples and their text in one go; with V8's default
// 16 MB semi-spaces most of that short-lived garbage is promoted and the process peaks at
// 400-600 MB RSS. The kit's heap tuning caps the young generation at two 2 MB semi-spaces and
// adds size-oriented heuristics (docs/BENCHMARKS.md), unless the operator sized the heap through
// NODE_OPTIONS or node's own flags. It runs first, before any allocation-heavy module loads.
import('@scrapekit/exporter-kit/heap-tuning')
  .then(({ tuneHeap }) => {
    tuneHeap({ youngGenerationCapBytes: 4 * 1024 * 1024, extraFlags: ['--optimize-for-size'] });
    return import('../dist/main.js');
  })
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && /\/dist\/(main|heap-tuning)\.js/.test(String(err.message))) {
      process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
    } else {
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
    }
    process.exit(1);
  });
