#!/usr/bin/env -S node --max-semi-space-size=2 --max-old-space-size=512
// The V8 flags keep the young generation small: a scrape's short-lived rows and text otherwise
// grow the heap to ~110 MB RSS; with them RSS stays flat near 75 MB (bench/mysql-exporter).
// `node bin/mysql-exporter.js` skips the shebang: pass the same flags there.
// Thin launcher kept outside dist/ so npm links the bin at install time, before the first build.
import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/main.js')) {
    process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n');
  } else {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
  }
  process.exit(1);
});
