#!/usr/bin/env node
// Side-by-side benchmark: our exporter against the rabbitmq_prometheus plugin on the same broker,
// in the same run, at several queue counts, endpoint against endpoint: our per-object scrape
// (--rabbitmq.return-per-object-metrics) against the plugin's /metrics/per-object, our default
// aggregated /metrics against the plugin's /metrics.
//
//   npm run build && node bench/rabbitmq-exporter/run.mjs [--sizes 1000,10000] [--runs 7] [--big 50000]
//
// Queues are declared idle in a scratch vhost per size (one definitions import) and the vhost is
// deleted afterwards. Reports median scrape latency of each side, their ratio, the exporter's
// peak RSS (VmHWM), its RSS after the first and the last scrape (flat memory across repeated
// scrapes) and body sizes. Needs RabbitMQ with both plugins on 127.0.0.1 (guest/guest).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const SIZES = opt('sizes', '1000,10000').split(',').map(Number).filter(Boolean);
const RUNS = Number(opt('runs', '7'));
const BIG = Number(opt('big', '0'));
const API = 'http://127.0.0.1:15672';
const PLUGIN = 'http://127.0.0.1:15692';
const AUTH = { authorization: 'Basic ' + Buffer.from('guest:guest').toString('base64'), 'content-type': 'application/json' };
const BIN = fileURLToPath(new URL('../../packages/rabbitmq-exporter/bin/rabbitmq-exporter.js', import.meta.url));

async function call(method, path, body) {
  const res = await fetch(API + path, { method, headers: AUTH, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
}

async function declare(vhost, n) {
  const v = encodeURIComponent(vhost);
  await call('PUT', `/api/vhosts/${v}`, {});
  await call('PUT', `/api/permissions/${v}/guest`, { configure: '.*', write: '.*', read: '.*' });
  for (let start = 0; start < n; start += 5000) {
    const queues = [];
    for (let i = start; i < Math.min(n, start + 5000); i++) {
      queues.push({ name: `bench-${String(i).padStart(6, '0')}`, vhost, durable: true, auto_delete: false, arguments: {} });
    }
    await call('POST', '/api/definitions', { queues });
  }
  // Let every queue emit its first statistics so both sides report all of them.
  await new Promise((r) => setTimeout(r, 12_000));
}

/**
 * Deleting tens of thousands of queues outlasts the API's 60 s request timeout; rabbitmqctl
 * waits for it. Falls back to the API when rabbitmqctl is not on this machine.
 */
async function dropVhost(vhost) {
  const r = spawnSync('rabbitmqctl', ['delete_vhost', vhost], { stdio: 'ignore', timeout: 600_000 });
  if (r.status !== 0) await call('DELETE', `/api/vhosts/${encodeURIComponent(vhost)}`);
}

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

async function startExporter(extra) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, `--web.listen-address=127.0.0.1:${port}`, '--rabbitmq.url=' + API, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}/metrics`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url.replace('/metrics', '/-/healthy'));
      return { child, url, stderr: () => err };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('exporter did not start: ' + err);
}

function statusMb(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) / 1024;
}
const peakRssMb = (pid) => statusMb(pid, 'VmHWM');
const rssMb = (pid) => statusMb(pid, 'VmRSS');

async function timed(url, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  return { seconds: (performance.now() - t0) / 1000, bytes: Buffer.byteLength(body), body };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const successOf = (body, collector) => new RegExp(`rabbitmq_exporter_collector_success\\{collector="${collector}"\\} (\\d)`).exec(body)?.[1];

async function compare(size, variant, flags, pluginPath) {
  const ex = await startExporter(['--scrape.timeout=120s', ...flags]);
  const pluginUrl = PLUGIN + pluginPath;
  try {
    await timed(ex.url);
    const rssFirst = rssMb(ex.child.pid);
    await timed(pluginUrl);
    const ours = [];
    const plugin = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      last = await timed(ex.url);
      ours.push(last.seconds);
      plugin.push((await timed(pluginUrl)).seconds);
    }
    const queueSeries = (last.body.match(/^rabbitmq_queue_messages_ready\{/gm) ?? []).length;
    return {
      size, variant, pluginPath, runs: RUNS, oursMedian: median(ours), pluginMedian: median(plugin), ratio: median(ours) / median(plugin),
      peakRssMb: peakRssMb(ex.child.pid), rssFirst, rssLast: rssMb(ex.child.pid), oursBytes: last.bytes, queueSeries,
      queueSuccess: successOf(last.body, 'queue'),
    };
  } finally {
    ex.child.kill('SIGTERM');
  }
}

async function big(size) {
  const out = [];
  for (const [variant, flags, timeout] of [
    ['per-object (--rabbitmq.return-per-object-metrics), 30 s deadline', ['--scrape.timeout=30s', '--rabbitmq.return-per-object-metrics'], '30'],
    ['aggregated (default flags), 30 s deadline', ['--scrape.timeout=30s'], '30'],
  ]) {
    const ex = await startExporter(flags);
    try {
      const r = await timed(ex.url, { 'X-Prometheus-Scrape-Timeout-Seconds': timeout });
      out.push({
        size, variant, seconds: r.seconds, peakRssMb: peakRssMb(ex.child.pid), oursBytes: r.bytes,
        queueSeries: (r.body.match(/^rabbitmq_queue_messages_ready\{/gm) ?? []).length, queueSuccess: successOf(r.body, 'queue'),
        up: /^rabbitmq_up (\d)/m.exec(r.body)?.[1],
      });
    } finally {
      ex.child.kill('SIGTERM');
    }
  }
  const p = await timed(PLUGIN + '/metrics/per-object');
  out.push({ size, variant: 'plugin /metrics/per-object', seconds: p.seconds, oursBytes: p.bytes });
  return out;
}

const results = [];
for (const size of SIZES) {
  const vhost = `sk-bench-rmq-${size}-${process.pid}`;
  await declare(vhost, size);
  try {
    results.push(await compare(size, 'per-object (--rabbitmq.return-per-object-metrics)', ['--rabbitmq.return-per-object-metrics'], '/metrics/per-object'));
    results.push(await compare(size, 'aggregated (default flags)', [], '/metrics'));
    results.push(await compare(size, 'per-object, --rabbitmq.queue-metrics=full', ['--rabbitmq.return-per-object-metrics', '--rabbitmq.queue-metrics=full'], '/metrics/per-object'));
  } finally {
    await dropVhost(vhost);
  }
}
const bigResults = [];
if (BIG) {
  const vhost = `sk-bench-rmq-${BIG}-${process.pid}`;
  await declare(vhost, BIG);
  try {
    bigResults.push(...(await big(BIG)));
  } finally {
    await dropVhost(vhost);
  }
}

const f = (n, d = 2) => n.toFixed(d);
console.log('| queues | ours | ours median (s) | plugin endpoint | plugin median (s) | ratio | peak RSS (MB) | RSS after 1st / last scrape (MB) | our body (KB) | queue series |');
console.log('|---:|---|---:|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.size} | ${r.variant} | ${f(r.oursMedian)} | \`${r.pluginPath}\` | ${f(r.pluginMedian)} | ${f(r.ratio, 1)}x | ${f(r.peakRssMb, 0)} | ${f(r.rssFirst, 0)} / ${f(r.rssLast, 0)} | ${f(r.oursBytes / 1024, 0)} | ${r.queueSeries} |`);
}
if (bigResults.length) {
  console.log('\n| queues | case | seconds | peak RSS (MB) | body (KB) | queue series | queue collector success |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of bigResults) {
    console.log(`| ${r.size} | ${r.variant} | ${f(r.seconds)} | ${r.peakRssMb ? f(r.peakRssMb, 0) : '–'} | ${f(r.oursBytes / 1024, 0)} | ${r.queueSeries ?? '–'} | ${r.queueSuccess ?? '–'} |`);
  }
}
const dir = new URL('../results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('rabbitmq-exporter.json', dir), JSON.stringify({ date: new Date().toISOString(), results, bigResults }, null, 1));
