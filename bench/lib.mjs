// Side-by-side benchmark harness: ours and the reference exporter in one run, scraped
// alternately with Prometheus's own request headers, so both see the same host state and load.
// Reports median/p90 latency, their ratio, CPU time per 1,000 scrapes and RSS over the run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';

export const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
const CLK_TCK = 100;

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts an exporter process and waits for `readyUrl` to answer 200. */
export async function startExporter({ cmd, args = [], env = process.env, readyUrl }) {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20_000); });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited early: ${stderr}`);
    try {
      if ((await fetch(readyUrl)).status === 200) return { child, pid: child.pid, stderr: () => stderr };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${cmd} did not become ready at ${readyUrl}: ${stderr}`);
}

export async function stopExporter(proc) {
  if (!proc || proc.child.exitCode !== null) return;
  const done = new Promise((r) => proc.child.once('exit', r));
  proc.child.kill('SIGTERM');
  const t = setTimeout(() => proc.child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(t);
}

/** utime+stime of a process in milliseconds (Linux /proc). */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** Resident set size in MiB (Linux /proc). */
export function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One scrape as Prometheus does it (gzip, OpenMetrics preferred); returns ms and the body size. */
export async function scrapeOnce(url, extraHeaders = {}) {
  const t0 = performance.now();
  const res = await fetch(url, {
    headers: { Accept: PROMETHEUS_ACCEPT, 'Accept-Encoding': 'gzip', 'X-Prometheus-Scrape-Timeout-Seconds': '10', ...extraHeaders },
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  // fetch already decodes gzip; the size is of the decoded body.
  return { ms, bytes: buf.length, body: buf };
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/**
 * Scrapes each side `scrapes` times, alternating which goes first, after `warmup` unmeasured
 * scrapes each. A side without a pid (a broker plugin, say) gets no CPU/RSS figures.
 * `sides` is [{ name, url, pid?, headers? }, ...] — usually ours and theirs.
 */
export async function alternate(sides, { scrapes = 1000, warmup = 20, onProgress } = {}) {
  for (const s of sides) for (let i = 0; i < warmup; i++) await scrapeOnce(s.url, s.headers);
  const stats = sides.map((s) => ({
    name: s.name, pid: s.pid, latencies: [], bytes: 0,
    cpuStart: s.pid ? cpuMs(s.pid) : NaN, rss: s.pid ? [rssMiB(s.pid)] : [],
  }));
  for (let i = 0; i < scrapes; i++) {
    const order = i % 2 === 0 ? sides.map((_, k) => k) : sides.map((_, k) => sides.length - 1 - k);
    for (const k of order) {
      const r = await scrapeOnce(sides[k].url, sides[k].headers);
      stats[k].latencies.push(r.ms);
      stats[k].bytes = r.bytes;
    }
    if ((i + 1) % Math.max(1, Math.floor(scrapes / 4)) === 0) {
      for (const st of stats) if (st.pid) st.rss.push(rssMiB(st.pid));
      onProgress?.(i + 1);
    }
  }
  return stats.map((st) => {
    const sorted = [...st.latencies].sort((a, b) => a - b);
    return {
      name: st.name,
      scrapes,
      medianMs: quantile(sorted, 0.5),
      p90Ms: quantile(sorted, 0.9),
      cpuMsPer1000: st.pid ? ((cpuMs(st.pid) - st.cpuStart) * 1000) / scrapes : NaN,
      rssMiB: st.rss,
      bodyBytes: st.bytes,
    };
  });
}

const f = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** A markdown table of alternate()'s results, with ratios against the last side (the reference). */
export function markdownTable(results) {
  const ref = results[results.length - 1];
  const lines = [
    '| exporter | scrapes | median ms | p90 ms | median ratio | CPU ms / 1000 scrapes | CPU ratio | RSS MiB (start → end) | body bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of results) {
    lines.push(`| ${r.name} | ${r.scrapes} | ${f(r.medianMs)} | ${f(r.p90Ms)} | ${f(r.medianMs / ref.medianMs)} | ${f(r.cpuMsPer1000, 0)} | ${f(r.cpuMsPer1000 / ref.cpuMsPer1000)} | ${r.rssMiB.length ? r.rssMiB.map((x) => f(x, 1)).join(' → ') : '—'} | ${r.bodyBytes} |`);
  }
  return lines.join('\n');
}
