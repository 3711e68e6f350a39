import { runExporter } from '@scrapekit/exporter-kit';
import { spec } from './spec.js';

// dist/build-stamp.json is written by scripts/stamp-build.mjs at build time (git revision, branch).
await runExporter(spec, { buildStamp: new URL('./build-stamp.json', import.meta.url) });
