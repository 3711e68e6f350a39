#!/usr/bin/env node
// Side-by-side benchmark: our mysql-exporter vs Debian's prometheus-mysqld-exporter on the same
// MariaDB, same user (created with the README's grants), default collectors.
//
//   npm run build && node bench/mysql-exporter/run.mjs [--scrapes 2000] [--rounds 5] [--node-flags '...']
//
// 1. Latency, CPU and RSS: bench/lib.mjs alternates scrapes with Prometheus's headers (gzip,
//    OpenMetrics preferred), 2,000 each; RSS of both is sampled every quarter of the run.
// 2. Statements per scrape: the server's Questions/Com_*/Connections deltas around 20 scrapes
//    of one exporter at a time, minus an idle window of the same length (the server is shared);
//    the minimum over several rounds, since other clients can only add statements.
// Results: stdout (markdown) and bench/results/mysql-exporter.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { alternate, freePort, markdownTable, scrapeOnce, startExporter, stopExporter } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const OURS = join(root, 'packages/mysql-exporter/bin/mysql-exporter.js');
const DIST = join(root, 'packages/mysql-exporter/dist/main.js');
const GO = process.env.MYSQLD_EXPORTER_ORACLE ?? '/usr/bin/prometheus-mysqld-exporter';
const opt = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SCRAPES = Number(opt('scrapes') ?? 2000);
const ROUNDS = Number(opt('rounds') ?? 5);
const QUERY_SCRAPES = 20;
const NODE_FLAGS = opt('node-flags');
const USER = 'scrapekit_bench_mysql';
const PASSWORD = 'Bench-pw-9';

if (!existsSync(DIST)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
if (statSync(DIST).mtimeMs < statSync(join(root, 'packages/mysql-exporter/src/connection.ts')).mtimeMs) {
  console.warn('warning: dist/ is older than src/; run npm run build for current figures');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function serverStatus(conn) {
  const [rows] = await conn.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Connections') OR Variable_name LIKE 'Com\\_%'");
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}
const minus = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - (a[k] ?? 0)]));

/** Statements (and new connections) the server sees per scrape of `url`, net of background load. */
async function statementsPerScrape(conn, url) {
  let best;
  for (let r = 0; r < ROUNDS; r++) {
    const a = await serverStatus(conn);
    const t0 = performance.now();
    for (let i = 0; i < QUERY_SCRAPES; i++) await scrapeOnce(url);
    const elapsed = performance.now() - t0;
    const b = await serverStatus(conn);
    await sleep(elapsed);
    const c = await serverStatus(conn);
    const busy = minus(a, b);
    const idle = minus(b, c);
    const net = Object.fromEntries(Object.keys(busy).map((k) => [k, (busy[k] - idle[k]) / QUERY_SCRAPES]));
    if (!best || net.Questions < best.Questions) best = net;
  }
  const round = (x) => Math.round(x * 100) / 100;
  return {
    questions: round(best.Questions),
    connections: round(best.Connections),
    commands: Object.fromEntries(Object.entries(best).filter(([k, v]) => k.startsWith('Com_') && v >= 0.5).map(([k, v]) => [k, round(v)])),
  };
}

const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
const [[{ v: serverVersion }]] = await admin.query('SELECT VERSION() AS v');
const mariaNew = /mariadb/i.test(serverVersion) && !/^10\.[0-4]\./.test(serverVersion);
await admin.query(`DROP USER IF EXISTS '${USER}'@'%'`);
await admin.query(`CREATE USER '${USER}'@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS 4`, [PASSWORD]);
await admin.query(`GRANT PROCESS, REPLICATION CLIENT, ${mariaNew ? 'SLAVE MONITOR, ' : ''}SELECT ON *.* TO '${USER}'@'%'`);

const goPort = await freePort();
const ourPort = await freePort();
const goVersion = (/version (\S+)/.exec(spawnSync(GO, ['--version'], { encoding: 'utf8' }).stderr) ?? [])[1] ?? 'unknown';
const ourArgs = [`--web.listen-address=127.0.0.1:${ourPort}`, '--mysqld.address=127.0.0.1:3306', `--mysqld.username=${USER}`];
let go;
let ours;
try {
  go = await startExporter({
    cmd: GO,
    args: [`--web.listen-address=127.0.0.1:${goPort}`, '--config.my-cnf=/nonexistent'],
    env: { ...process.env, DATA_SOURCE_NAME: `${USER}:${PASSWORD}@tcp(127.0.0.1:3306)/` },
    readyUrl: `http://127.0.0.1:${goPort}/metrics`,
  });
  // Run as installed: the bin's shebang carries the V8 heap flags. --node-flags overrides them.
  ours = await startExporter({
    cmd: NODE_FLAGS === undefined ? OURS : process.execPath,
    args: NODE_FLAGS === undefined ? ourArgs : [...NODE_FLAGS.split(' ').filter(Boolean), OURS, ...ourArgs],
    env: { ...process.env, MYSQLD_EXPORTER_PASSWORD: PASSWORD },
    readyUrl: `http://127.0.0.1:${ourPort}/metrics`,
  });
  const sides = [
    { name: 'ours (mysql-exporter)', url: `http://127.0.0.1:${ourPort}/metrics`, pid: ours.pid },
    { name: `mysqld_exporter ${goVersion} (Go)`, url: `http://127.0.0.1:${goPort}/metrics`, pid: go.pid },
  ];
  for (const s of sides) {
    const body = (await scrapeOnce(s.url)).body.toString();
    if (!/^mysql_up(\{\})? 1$/m.test(body)) throw new Error(`${s.name} is not connected (mysql_up != 1)`);
  }
  const results = await alternate(sides, { scrapes: SCRAPES, warmup: 20, onProgress: (n) => process.stderr.write(`  ${n}/${SCRAPES}\n`) });
  const statements = { ours: await statementsPerScrape(admin, sides[0].url), go: await statementsPerScrape(admin, sides[1].url) };
  const report = {
    date: new Date().toISOString(),
    server: serverVersion,
    node: process.version,
    ourLauncher: NODE_FLAGS === undefined ? readFileSync(OURS, 'utf8').split('\n')[0] : `node ${NODE_FLAGS}`,
    results,
    medianRatio: results[0].medianMs / results[1].medianMs,
    statementsPerScrape: statements,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/mysql-exporter.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(markdownTable(results));
  console.log(`\nstatements per scrape (Questions): ours ${statements.ours.questions}, Go ${statements.go.questions}; new connections per scrape: ours ${statements.ours.connections}, Go ${statements.go.connections}`);
  console.log(`ours: ${JSON.stringify(statements.ours.commands)}\nGo:   ${JSON.stringify(statements.go.commands)}`);
} finally {
  await stopExporter(ours);
  await stopExporter(go);
  await admin.query(`DROP USER IF EXISTS '${USER}'@'%'`);
  await admin.end();
}
