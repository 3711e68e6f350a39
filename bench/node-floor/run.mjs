#!/usr/bin/env node
// RSS floor of a Node exporter: bench/node-floor/server.mjs (a fixed body, no collectors) under
// the node exporter's benchmark load (2,000 back-to-back scrapes with Prometheus's headers), in
// the variants that matter: no gzip, gzip with Node's defaults, gzip with the node exporter's
// runtime settings (server.mjs --exporter-settings), and those with SCRAPEKIT_MEMORY=low. The body
// is a real node-exporter exposition of this host, taken first.
//
//   npm run build && node bench/node-floor/run.mjs [--scrapes N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROMETHEUS_ACCEPT, freePort, rssMiB, scrapeOnce, startExporter, stopExporter, cpuMs } from '../lib.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const i = process.argv.indexOf('--scrapes');
const SCRAPES = i >= 0 ? Number(process.argv[i + 1]) : 2000;
const dir = mkdtempSync(join(tmpdir(), 'node-floor-'));
const bodyFile = join(dir, 'body.txt');

// A body as big as the node exporter's on this host.
{
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/metrics`;
  const ne = await startExporter({ cmd: process.execPath, args: [join(ROOT, 'packages/node-exporter/bin/node-exporter.js'), `--web.listen-address=127.0.0.1:${port}`], readyUrl: url });
  try {
    const res = await fetch(url, { headers: { Accept: PROMETHEUS_ACCEPT } });
    writeFileSync(bodyFile, await res.text());
  } finally {
    await stopExporter(ne);
  }
}

const variants = [
  { name: 'no gzip, Node defaults', gzip: false, settings: false },
  { name: 'gzip, Node defaults', gzip: true, settings: false },
  { name: 'gzip, node-exporter settings', gzip: true, settings: true },
  { name: 'gzip, node-exporter settings, SCRAPEKIT_MEMORY=low', gzip: true, settings: true, env: { SCRAPEKIT_MEMORY: 'low' } },
];

console.log(`node ${process.version}; ${SCRAPES} back-to-back scrapes per variant; body ${Math.round((await import('node:fs')).statSync(bodyFile).size / 1024)} KB\n`);
console.log('| server | RSS MiB after warm-up | RSS MiB at the end | CPU ms / 1000 scrapes |\n|---|---:|---:|---:|');
try {
  for (const v of variants) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/metrics`;
    const args = [join(ROOT, 'bench/node-floor/server.mjs'), String(port), bodyFile, ...(v.settings ? ['--exporter-settings'] : [])];
    const srv = await startExporter({ cmd: process.execPath, args, env: { ...process.env, ...v.env }, readyUrl: url });
    try {
      const headers = v.gzip ? {} : { 'Accept-Encoding': 'identity' };
      for (let k = 0; k < 20; k++) await scrapeOnce(url, headers);
      const rss0 = rssMiB(srv.pid);
      const cpu0 = cpuMs(srv.pid);
      for (let k = 0; k < SCRAPES; k++) await scrapeOnce(url, headers);
      const cpu = ((cpuMs(srv.pid) - cpu0) * 1000) / SCRAPES;
      console.log(`| ${v.name} | ${rss0.toFixed(1)} | ${rssMiB(srv.pid).toFixed(1)} | ${cpu.toFixed(0)} |`);
    } finally {
      await stopExporter(srv);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
