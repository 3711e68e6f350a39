// The least a Node process can be while doing the node exporter's job: serve one fixed exposition
// body per request, gzipped when asked, with no collectors at all. bench/node-floor/run.mjs scrapes
// it like an exporter; its RSS is the floor under any Node exporter's.
//
//   node bench/node-floor/server.mjs <port> <body file> [--keeper]
//
// --keeper applies what the node exporter's launcher applies besides V8 flags (the caller passes
// those): one malloc arena and malloc_trim 1 s after a request (packages/node-exporter/src/syscall/native-heap.ts).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const [port, bodyFile, keeperFlag] = process.argv.slice(2);
const body = readFileSync(bodyFile, 'utf8');
const gzipAsync = promisify(gzip);
let keeper;
if (keeperFlag === '--keeper') {
  const heap = await import('../../packages/node-exporter/dist/syscall/native-heap.js');
  await heap.capMallocArenas();
  keeper = await heap.nativeHeapKeeper();
}

createServer(async (req, res) => {
  const headers = { 'Content-Type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' };
  let out = body;
  if (/gzip/.test(req.headers['accept-encoding'] ?? '')) {
    out = await gzipAsync(body, { level: 1 });
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(200, headers).end(out);
  keeper?.scrapeDone();
}).listen(Number(port), '127.0.0.1');
