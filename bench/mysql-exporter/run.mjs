#!/usr/bin/env node
// Side-by-side benchmark: our mysql-exporter vs Debian's prometheus-mysqld-exporter on the same
// MariaDB, same user (documented grants), default collectors.
//
//   npm run build && node bench/mysql-exporter/run.mjs [--scrapes 300] [--soak 2000] [--node-flags '...']
//
// 1. Latency: alternating scrapes (Go, ours, Go, ours, ...), medians and p90, ratio ours/Go.
// 2. Queries per scrape: the server's Questions and Com_* deltas around N scrapes of one exporter
//    at a time, minus an idle window of the same length (other clients of the shared server);
//    the minimum over several rounds, since noise can only add statements.
// 3. Memory: RSS of our process over --soak scrapes (sampled every 250), and of the Go exporter.
// Results go to stdout and bench/results/mysql-exporter.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const OURS = join(root, 'packages/mysql-exporter/bin/mysql-exporter.js');
const GO = process.env.MYSQLD_EXPORTER_ORACLE ?? '/usr/bin/prometheus-mysqld-exporter';
const argText = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const SCRAPES = arg('scrapes', 300);
const SOAK = arg('soak', 2000);
const ROUNDS = arg('rounds', 5);
const QUERY_SCRAPES = arg('query-scrapes', 20);
const USER = 'scrapekit_bench_mysql';
const PASSWORD = 'Bench-pw-9';

if (!existsSync(join(root, 'packages/mysql-exporter/dist/main.js'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start(cmd, args, env) {
  const port = await freePort();
  const child = spawn(cmd, [...args, `--web.listen-address=127.0.0.1:${port}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}/metrics`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.status === 200 && /^mysql_up 1$/m.test(await res.text())) return { child, url, stderr: () => err };
    } catch { /* not yet */ }
    await sleep(100);
  }
  child.kill();
  throw new Error(`${cmd} did not come up: ${err}`);
}

async function scrape(url) {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200 || !/^mysql_up 1$/m.test(body)) throw new Error(`bad scrape of ${url}: ${res.status}`);
  return ms;
}

const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

async function status(conn) {
  const [rows] = await conn.query("SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' OR Variable_name = 'Connections' OR Variable_name LIKE 'Com\\_%'");
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}
const delta = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - (a[k] ?? 0)]));

/** Statements the server counts for n scrapes of url, net of an idle window and of our own SHOW. */
async function queriesPerScrape(conn, url) {
  let best;
  for (let r = 0; r < ROUNDS; r++) {
    const a = await status(conn);
    const t0 = performance.now();
    for (let i = 0; i < QUERY_SCRAPES; i++) await scrape(url);
    const elapsed = performance.now() - t0;
    const b = await status(conn);
    await sleep(elapsed);
    const c = await status(conn);
    const busy = delta(a, b);
    const idle = delta(b, c);
    const net = Object.fromEntries(Object.keys(busy).map((k) => [k, (busy[k] - idle[k]) / QUERY_SCRAPES]));
    if (!best || net.Questions < best.Questions) best = net;
  }
  const commands = Object.fromEntries(Object.entries(best).filter(([k, v]) => k.startsWith('Com_') && v >= 0.5).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  return { questions: Math.round(best.Questions * 100) / 100, connections: Math.round(best.Connections * 100) / 100, commands };
}

const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
const [[{ v: version }]] = await admin.query('SELECT VERSION() AS v');
const mariaNew = /mariadb/i.test(version);
await admin.query(`DROP USER IF EXISTS '${USER}'@'%'`);
await admin.query(`CREATE USER '${USER}'@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS 6`, [PASSWORD]);
await admin.query(`GRANT PROCESS, REPLICATION CLIENT, ${mariaNew ? 'SLAVE MONITOR, ' : ''}SELECT ON *.* TO '${USER}'@'%'`);

const go = await start(GO, ['--config.my-cnf=/nonexistent'], { DATA_SOURCE_NAME: `${USER}:${PASSWORD}@tcp(127.0.0.1:3306)/` });
// By default the bin runs as installed (its shebang carries the V8 heap flags); --node-flags
// runs `node <flags> bin` instead, to compare settings.
const nodeFlags = argText('node-flags');
const oursArgs = ['--mysqld.address=127.0.0.1:3306', `--mysqld.username=${USER}`];
const ours = nodeFlags === undefined
  ? await start(OURS, oursArgs, { MYSQLD_EXPORTER_PASSWORD: PASSWORD })
  : await start(process.execPath, [...nodeFlags.split(' ').filter(Boolean), OURS, ...oursArgs], { MYSQLD_EXPORTER_PASSWORD: PASSWORD });
const goVersion = await new Promise((resolve) => {
  const p = spawn(GO, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (out += d));
  p.on('close', () => resolve((/version (\S+)/.exec(out) ?? [])[1] ?? 'unknown'));
});

try {
  for (let i = 0; i < 20; i++) {
    await scrape(go.url);
    await scrape(ours.url);
  }
  const lat = { go: [], ours: [] };
  for (let i = 0; i < SCRAPES; i++) {
    // Alternate who goes first, so neither always scrapes a server warmed by the other.
    if (i % 2 === 0) {
      lat.go.push(await scrape(go.url));
      lat.ours.push(await scrape(ours.url));
    } else {
      lat.ours.push(await scrape(ours.url));
      lat.go.push(await scrape(go.url));
    }
  }
  const queries = { go: await queriesPerScrape(admin, go.url), ours: await queriesPerScrape(admin, ours.url) };

  const rss = [];
  for (let i = 0; i <= SOAK; i++) {
    if (i % 250 === 0) rss.push({ scrape: i, mb: Math.round(rssMb(ours.child.pid) * 10) / 10 });
    if (i < SOAK) await scrape(ours.url);
  }
  const goRss = Math.round(rssMb(go.child.pid) * 10) / 10;

  const result = {
    date: new Date().toISOString(),
    server: version,
    oracle: `prometheus-mysqld-exporter ${goVersion}`,
    node: process.version,
    nodeFlags: nodeFlags ?? readFileSync(OURS, 'utf8').split('\n')[0],
    scrapes: SCRAPES,
    latencyMs: {
      go: { median: +quantile(lat.go, 0.5).toFixed(2), p90: +quantile(lat.go, 0.9).toFixed(2) },
      ours: { median: +quantile(lat.ours, 0.5).toFixed(2), p90: +quantile(lat.ours, 0.9).toFixed(2) },
    },
    medianRatio: +(quantile(lat.ours, 0.5) / quantile(lat.go, 0.5)).toFixed(3),
    queriesPerScrape: queries,
    rssMb: { ours: rss, oursMax: Math.max(...rss.map((r) => r.mb)), goAfterRun: goRss },
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/mysql-exporter.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  go.child.kill('SIGTERM');
  ours.child.kill('SIGTERM');
  await admin.query(`DROP USER IF EXISTS '${USER}'@'%'`);
  await admin.end();
}
