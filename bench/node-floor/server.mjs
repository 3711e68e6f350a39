// The least a Node process can be while doing the node exporter's job: serve one fixed exposition
// body per request, gzipped when asked, with no collectors at all. bench/node-floor/run.mjs scrapes
// it like an exporter; its RSS is the floor under any Node exporter's.
//
//   node bench/node-floor/server.mjs <port> <body file> [--exporter-settings]
//
// --exporter-settings applies what the kit's launcher applies for the node exporter (its runtime
// settings, packages/node-exporter/src/runtime.ts: V8 heap tuning honouring SCRAPEKIT_MEMORY, one
// malloc arena, malloc_trim after scrapes) and what the kit's pipeline does around each scrape
// (a young-generation GC, the trim scheduling).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const [port, bodyFile, mode] = process.argv.slice(2);
const body = readFileSync(bodyFile, 'utf8');
const gzipAsync = promisify(gzip);
let housekeeping = { scrapeStarted() {}, scrapeEnded() {} };
if (mode === '--exporter-settings') {
  const { applyRuntime } = await import('../../packages/exporter-kit/dist/launch.js');
  const { runtime } = await import('../../packages/node-exporter/dist/runtime.js');
  const { scrapeHousekeeping } = await import('../../packages/exporter-kit/dist/housekeeping.js');
  housekeeping = scrapeHousekeeping(await applyRuntime(runtime));
}

createServer(async (req, res) => {
  housekeeping.scrapeStarted();
  const headers = { 'Content-Type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' };
  let out = body;
  if (/gzip/.test(req.headers['accept-encoding'] ?? '')) {
    out = await gzipAsync(body, { level: 1 });
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(200, headers).end(out);
  housekeeping.scrapeEnded();
}).listen(Number(port), '127.0.0.1');
