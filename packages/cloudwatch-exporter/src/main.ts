import { runExporter } from '@scrapekit/exporter-kit';
import { spec } from './spec.js';

await runExporter(spec, { buildStamp: new URL('./build-stamp.json', import.meta.url) });
