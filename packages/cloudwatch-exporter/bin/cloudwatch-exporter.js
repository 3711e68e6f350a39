#!/usr/bin/env node
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/main.js')) {
    process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
  } else {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
  }
  process.exit(1);
});
