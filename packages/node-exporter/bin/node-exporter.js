#!/usr/bin/env node
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
// The heap and malloc settings (src/runtime.ts) come first so they cover start-up too (why they
// are not shebang flags: exporter-kit's src/heap-tuning.ts).
import('../dist/runtime.js')
  .then(({ prepareRuntime }) => prepareRuntime())
  .then(() => import('../dist/main.js'))
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && /\/dist\/(main|runtime)\.js/.test(String(err.message))) {
      process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
    } else {
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
    }
    process.exit(1);
  });
