import { runExporter } from '@scrapekit/exporter-kit';
import { spec } from './spec.js';

await runExporter(spec);
