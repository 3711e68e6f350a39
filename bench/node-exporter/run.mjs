#!/usr/bin/env node
// node-exporter benchmark: Debian's Go node_exporter and ours on this host, in one run, scraped
// alternately (bench/lib.mjs) with the same collectors and filters, 2,000 scrapes each.
// Reports median latency ratio ours/Go (target <= 1.0), CPU ms per 1,000 scrapes ratio
// (target <= 1.5), RSS over the run (target <= 70 MiB after 2,000 scrapes, flat), and which of our
// collectors take the time (node_scrape_collector_duration_seconds, median over extra scrapes).
//
//   npm run build && node bench/node-exporter/run.mjs [--scrapes N] [--json FILE] [--baseline DIR]
// --baseline DIR: another built checkout of this repository (e.g. a `git worktree` at the
// previous release) runs as a third side in the same alternation, for a before/after in one run.
//
// Needs /usr/bin/prometheus-node-exporter (or NODE_EXPORTER_ORACLE) and a built packages/node-exporter.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, freePort, markdownTable, quantile, rssMiB, scrapeOnce, startExporter, stopExporter } from '../lib.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OURS = join(ROOT, 'packages/node-exporter/bin/node-exporter.js');
const GO = process.env.NODE_EXPORTER_ORACLE ?? '/usr/bin/prometheus-node-exporter';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const SCRAPES = Number(argValue('--scrapes', '2000'));
const JSON_OUT = argValue('--json', '');
const BASELINE = argValue('--baseline', '');
const ISOLATED_SCRAPES = 30;
/** Extra node options for our side (experiments with V8/runtime settings), e.g. BENCH_NODE_ARGS='--v8-pool-size=1'. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

const TARGETS = { medianRatio: 1.0, cpuRatio: 1.5, rssMiB: 70 };

/** Collectors each binary registers as enabled by default, from `--help` (node_exporter's wording, which ours keeps). */
function defaultCollectors(cmd, args = []) {
  const r = spawnSync(cmd, [...args, '--help'], { encoding: 'utf8' });
  const help = `${r.stdout}${r.stderr}`.replace(/\s+/g, ' ');
  const out = new Set();
  for (const m of help.matchAll(/--collector\.([a-z0-9_]+) Enable the ([a-z0-9_]+) collector \(default: enabled\)/g)) if (m[1] === m[2]) out.add(m[1]);
  if (out.size === 0) throw new Error(`no collector list in \`${[cmd, ...args].join(' ')} --help\`: ${`${r.stderr}${r.stdout}`.trim().slice(0, 500)}`);
  return out;
}

/**
 * One collector's own cost: `n` scrapes of `?collect[]=<collector>` (node_exporter's filter,
 * which ours implements too), median request latency and median of the collector's own
 * node_scrape_collector_duration_seconds. In a full scrape the collectors run concurrently and
 * their durations overlap; alone, each one's number is its own.
 */
async function isolatedCost(url, collector, n) {
  const latency = [];
  const duration = [];
  const pattern = new RegExp(`^node_scrape_collector_duration_seconds\\{collector="${collector}"\\} (\\S+)$`, 'm');
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}?collect[]=${collector}`, { headers: { Accept: 'text/plain;version=0.0.4' } });
    const text = await res.text();
    latency.push(performance.now() - t0);
    const m = pattern.exec(text);
    if (m) duration.push(Number(m[1]) * 1000);
  }
  const median = (v) => quantile(v.sort((a, b) => a - b), 0.5);
  return { latencyMs: median(latency), durationMs: median(duration) };
}

/** Median per-collector duration (ms) inside full scrapes, where all collectors run concurrently. */
async function fullScrapeDurations(url, n) {
  const samples = new Map();
  for (let i = 0; i < n; i++) {
    const text = await (await fetch(url, { headers: { Accept: 'text/plain;version=0.0.4' } })).text();
    for (const m of text.matchAll(/^node_scrape_collector_duration_seconds\{collector="([^"]+)"\} (\S+)$/gm)) {
      if (!samples.has(m[1])) samples.set(m[1], []);
      samples.get(m[1]).push(Number(m[2]) * 1000);
    }
  }
  return new Map([...samples].map(([c, v]) => [c, quantile(v.sort((a, b) => a - b), 0.5)]));
}

function buildRevision(root = ROOT) {
  try {
    return JSON.parse(readFileSync(join(root, 'packages/node-exporter/dist/build-stamp.json'), 'utf8')).revision;
  } catch {
    return 'unknown';
  }
}

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

if (!existsSync(GO)) {
  console.error(`node_exporter not found at ${GO}: install Debian's prometheus-node-exporter or set NODE_EXPORTER_ORACLE`);
  process.exit(1);
}
for (const root of BASELINE ? [ROOT, BASELINE] : [ROOT]) {
  if (!existsSync(join(root, 'packages/node-exporter/dist/main.js'))) {
    console.error(`${join(root, 'packages/node-exporter')} is not built: run \`npm run build\` there first`);
    process.exit(1);
  }
}

const builtAt = statSync(join(ROOT, 'packages/node-exporter/dist/main.js')).mtimeMs;
for (const pkg of ['node-exporter', 'exporter-kit']) {
  if (newestMtime(join(ROOT, 'packages', pkg, 'src')) > builtAt) console.warn(`WARNING: packages/${pkg}/src changed after the last build; run \`npm run build\` to measure the current code`);
}

// Same collectors on both sides: the defaults both have. Debian enables systemd by default and
// patches the filesystem/netdev filter defaults; upstream's filters are set on both explicitly.
const goDefaults = defaultCollectors(GO);
const ourDefaults = defaultCollectors(process.execPath, [OURS]);
const collectors = [...ourDefaults].filter((c) => goDefaults.has(c)).sort();
const textfileDir = mkdtempSync(join(tmpdir(), 'bench-node-textfile-'));
const common = [
  '--collector.disable-defaults',
  ...collectors.map((c) => `--collector.${c}`),
  '--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)',
  '--collector.netdev.device-exclude=',
  `--collector.textfile.directory=${textfileDir}`,
];

const [goPort, ourPort, basePort] = [await freePort(), await freePort(), await freePort()];
let go;
let ours;
let base;
try {
  go = await startExporter({ cmd: GO, args: [...common, `--web.listen-address=127.0.0.1:${goPort}`], readyUrl: `http://127.0.0.1:${goPort}/metrics` });
  ours = await startExporter({
    cmd: process.execPath,
    args: [...NODE_ARGS, OURS, ...common, `--web.listen-address=127.0.0.1:${ourPort}`],
    env: { ...process.env, NODE_ENV: 'production' },
    readyUrl: `http://127.0.0.1:${ourPort}/metrics`,
  });
  if (BASELINE) {
    base = await startExporter({
      cmd: process.execPath,
      args: [...NODE_ARGS, join(BASELINE, 'packages/node-exporter/bin/node-exporter.js'), ...common, `--web.listen-address=127.0.0.1:${basePort}`],
      env: { ...process.env, NODE_ENV: 'production' },
      readyUrl: `http://127.0.0.1:${basePort}/metrics`,
    });
  }
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`collectors (${collectors.length}): ${collectors.join(' ')}`);
  if (BASELINE) console.log(`baseline: revision ${buildRevision(BASELINE)} from ${BASELINE}`);
  console.log(`ours: revision ${buildRevision()}, node ${process.version}; Go: ${GO}; load average before: ${load}`);
  const started = Date.now();
  const results = await alternate(
    [
      { name: `ours (node-exporter ${buildRevision()})`, url: `http://127.0.0.1:${ourPort}/metrics`, pid: ours.pid },
      ...(base ? [{ name: `baseline (node-exporter ${buildRevision(BASELINE)})`, url: `http://127.0.0.1:${basePort}/metrics`, pid: base.pid }] : []),
      { name: 'node_exporter 1.5.0 (Go)', url: `http://127.0.0.1:${goPort}/metrics`, pid: go.pid },
    ],
    { scrapes: SCRAPES, warmup: 20, onProgress: (i) => process.stderr.write(`  ${i}/${SCRAPES}\n`) },
  );
  const seconds = (Date.now() - started) / 1000;
  const [o, g] = [results[0], results.at(-1)];
  const medianRatio = o.medianMs / g.medianMs;
  const cpuRatio = o.cpuMsPer1000 / g.cpuMsPer1000;
  const rssEnd = o.rssMiB.at(-1);
  const rssMid = o.rssMiB[Math.floor(o.rssMiB.length / 2)];

  console.log(`\n${markdownTable(results)}\n`);
  console.log(`run: ${SCRAPES} scrapes per side in ${seconds.toFixed(0)} s; load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`median latency ratio ours/Go: ${medianRatio.toFixed(2)} (target <= ${TARGETS.medianRatio}: ${verdict(medianRatio <= TARGETS.medianRatio)})`);
  console.log(`CPU per 1,000 scrapes ratio ours/Go: ${cpuRatio.toFixed(2)} (target <= ${TARGETS.cpuRatio}: ${verdict(cpuRatio <= TARGETS.cpuRatio)})`);
  console.log(`our RSS after ${SCRAPES} scrapes: ${rssEnd.toFixed(1)} MiB (target <= ${TARGETS.rssMiB}: ${verdict(rssEnd <= TARGETS.rssMiB)}); second half of the run: ${rssMid.toFixed(1)} -> ${rssEnd.toFixed(1)} MiB`);
  if (base) {
    const b = results[1];
    console.log(`baseline: median ratio ${(b.medianMs / g.medianMs).toFixed(2)}, CPU ratio ${(b.cpuMsPer1000 / g.cpuMsPer1000).toFixed(2)}, RSS ${b.rssMiB.at(-1).toFixed(1)} MiB; ours/baseline: median ${(o.medianMs / b.medianMs).toFixed(2)}, CPU ${(o.cpuMsPer1000 / b.cpuMsPer1000).toFixed(2)}`);
  }

  // Which collectors take the time (measured after the timed run, so it does not disturb it).
  const inFull = await fullScrapeDurations(`http://127.0.0.1:${ourPort}/metrics`, ISOLATED_SCRAPES);
  const costs = [];
  for (const c of collectors) {
    costs.push({ c, ours: await isolatedCost(`http://127.0.0.1:${ourPort}/metrics`, c, ISOLATED_SCRAPES), go: await isolatedCost(`http://127.0.0.1:${goPort}/metrics`, c, ISOLATED_SCRAPES) });
  }
  costs.sort((a, b) => b.ours.durationMs - a.ours.durationMs);
  console.log(`\nper collector alone (?collect[]=<name>), median of ${ISOLATED_SCRAPES} scrapes: the collector's own duration and the whole request`);
  console.log('(last column: the same collector inside a full scrape, where the collectors share one event loop and their durations overlap)');
  console.log('| collector | ours duration ms | Go duration ms | ours request ms | Go request ms | ours in full scrape ms |\n|---|---:|---:|---:|---:|---:|');
  for (const { c, ours: o2, go: g2 } of costs) {
    console.log(`| ${c} | ${o2.durationMs.toFixed(2)} | ${g2.durationMs.toFixed(2)} | ${o2.latencyMs.toFixed(2)} | ${g2.latencyMs.toFixed(2)} | ${(inFull.get(c) ?? NaN).toFixed(2)} |`);
  }
  console.log(`\nour RSS after the per-collector scrapes: ${rssMiB(ours.pid).toFixed(1)} MiB`);

  if (JSON_OUT) {
    writeFileSync(JSON_OUT, JSON.stringify({ collectors, scrapes: SCRAPES, results, medianRatio, cpuRatio, rssEnd, costs }, null, 2));
  }
} finally {
  await stopExporter(ours);
  if (base) await stopExporter(base);
  await stopExporter(go);
  rmSync(textfileDir, { recursive: true, force: true });
}
