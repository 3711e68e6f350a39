#!/usr/bin/env node
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
// The heap and malloc settings come first so they cover start-up too (why they are not shebang flags:
// exporter-kit's src/heap-tuning.ts).
import('@scrapekit/exporter-kit/heap-tuning')
  .then(({ tuneHeap }) => {
    // Young generation capped at two 2 MB halves (the kit collects it after every scrape, so one
    // scrape's garbage fits), and V8 optimises only the hottest functions (a 4.4x interrupt
    // budget): less optimised code, same speed here. Measurements: docs/BENCHMARKS.md, run 4.
    tuneHeap({ youngGenerationCapBytes: 4 * 1024 * 1024, extraFlags: ['--interrupt-budget=300000'] });
    // Before the exporter's threads allocate: malloc arenas (src/syscall/native-heap.ts).
    return import('../dist/syscall/native-heap.js');
  })
  .then(({ capMallocArenas }) => capMallocArenas())
  .then(() => import('../dist/main.js'))
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && /\/dist\/(main|heap-tuning|syscall\/native-heap)\.js/.test(String(err.message))) {
      process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
    } else {
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
    }
    process.exit(1);
  });
