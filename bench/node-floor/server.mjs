// The least a Node process can be while doing the node exporter's job: serve one fixed exposition
// body per request, gzipped when asked, with no collectors at all. bench/node-floor/run.mjs scrapes
// it like an exporter; its RSS is the floor under any Node exporter's.
//
//   node bench/node-floor/server.mjs <port> <body file> [--exporter-settings]
//
// --exporter-settings applies what the node exporter's launcher and kit apply: its V8 heap tuning
// (exporter-kit heap-tuning, honouring SCRAPEKIT_MEMORY), one malloc arena, a young-generation GC
// after each response and malloc_trim shortly after (packages/node-exporter/src/syscall/native-heap.ts).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const [port, bodyFile, mode] = process.argv.slice(2);
const body = readFileSync(bodyFile, 'utf8');
const gzipAsync = promisify(gzip);
let keeper;
let scrapeFinished = () => {};
if (mode === '--exporter-settings') {
  const tuning = await import('../../packages/exporter-kit/dist/heap-tuning.js');
  tuning.tuneHeap({ youngGenerationCapBytes: 4 * 1024 * 1024, extraFlags: ['--interrupt-budget=300000'] });
  scrapeFinished = tuning.scrapeFinished;
  const heap = await import('../../packages/node-exporter/dist/syscall/native-heap.js');
  await heap.capMallocArenas();
  keeper = await heap.nativeHeapKeeper();
}

createServer(async (req, res) => {
  keeper?.scrapeStarted();
  const headers = { 'Content-Type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' };
  let out = body;
  keeper?.scrapeDone();
  if (/gzip/.test(req.headers['accept-encoding'] ?? '')) {
    out = await gzipAsync(body, { level: 1 });
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(200, headers).end(out, scrapeFinished);
}).listen(Number(port), '127.0.0.1');
