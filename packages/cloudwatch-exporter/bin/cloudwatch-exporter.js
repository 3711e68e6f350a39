#!/usr/bin/env node
// Kept outside dist/ so npm links it before the first build; the kit's launcher does the rest.
import('@scrapekit/exporter-kit/launch').then(
  ({ launch }) => launch(new URL('../dist/main.js', import.meta.url)),
  () => { process.exitCode = 1; process.stderr.write('This package is not built yet: run `npm run build` at the repository root.\n'); },
);
