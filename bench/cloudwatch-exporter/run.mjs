#!/usr/bin/env node
// CloudWatch exporter against the local fake CloudWatch (AWS cannot be reached from here):
// 5,000 metrics × 2 statistics per collection, each scrape a full collection (ListMetrics pages
// + GetMetricData calls), as cloudwatch_exporter does without decoupled mode.
//
//   npm run build && node bench/cloudwatch-exporter/run.mjs [--metrics 5000] [--scrapes 7]
//
// Reports GetMetricData/ListMetrics calls per collection (must be ⌈queries/500⌉), scrape latency
// (median, p90), RSS right after the scrapes, settled one second later, and peak RSS (VmHWM). The
// Java cloudwatch_exporter is not run: no Debian package provides it (`apt-cache search cloudwatch`) and no JVM is installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, rssMiB, startExporter, stopExporter } from '../lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const METRICS = Number(opt('metrics', '5000'));
const SCRAPES = Number(opt('scrapes', '7'));
/** How long after the last scrape the settled RSS is read. */
const SETTLE_MS = 1000;
const BIN = fileURLToPath(new URL('../../packages/cloudwatch-exporter/bin/cloudwatch-exporter.js', import.meta.url));

// The fake is TypeScript beside the tests; compile it once (its own tsconfig) into bench/results (git-ignored).
const tsc = spawnSync(process.execPath, [
  fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)),
  '-p', fileURLToPath(new URL('../../packages/cloudwatch-exporter/test/fake-cloudwatch', import.meta.url)),
  '--outDir', fileURLToPath(new URL('../results/cloudwatch-fake', import.meta.url)),
], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(1);
const { FakeAws } = await import(new URL('../results/cloudwatch-fake/server.js', import.meta.url).href);

const ACCESS_KEY = 'AKIAFAKEBENCHKEY0001';
const newest = Math.floor(Date.now() / 60_000) * 60 - 660;
const metrics = Array.from({ length: METRICS }, (_, i) => ({
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ Name: 'InstanceId', Value: `i-${String(i).padStart(17, '0')}` }],
  points: [{ t: newest, value: { Average: i % 100, Maximum: (i % 100) + 5 } }, { t: newest - 60, value: { Average: 1, Maximum: 2 } }],
}));
const fake = new FakeAws({ metrics, accessKeys: [ACCESS_KEY] });
const endpoint = await fake.listen();

const dir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
const config = join(dir, 'config.yml');
writeFileSync(config, `region: eu-west-1
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average, Maximum]
`);

const port = await freePort();
const env = {
  PATH: process.env.PATH,
  AWS_ENDPOINT_URL: endpoint,
  AWS_ACCESS_KEY_ID: ACCESS_KEY,
  AWS_SECRET_ACCESS_KEY: 'bench-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const proc = await startExporter({
  cmd: process.execPath,
  // --node-flags "…": V8/Node flags for the exporter process, e.g. "--max-semi-space-size=2 --optimize-for-size".
  args: [...opt('node-flags', '').split(' ').filter(Boolean), BIN, `--web.listen-address=127.0.0.1:${port}`, `--config.file=${config}`],
  env,
  readyUrl: `http://127.0.0.1:${port}/-/ready`,
});

const rssIdle = rssMiB(proc.pid);
const latencies = [];
const perCollection = [];
let series = 0;
try {
  for (let i = 0; i < SCRAPES; i++) {
    fake.resetCalls();
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    const body = await res.text();
    latencies.push((performance.now() - t0) / 1000);
    perCollection.push({ getMetricData: fake.count('GetMetricData'), listMetrics: fake.count('ListMetrics') });
    series = body.split('\n').filter((l) => l.startsWith('aws_ec2_cpuutilization_')).length;
    if (!body.includes('cloudwatch_exporter_scrape_error 0')) throw new Error('scrape reported an error');
  }
  const rssAfter = rssMiB(proc.pid);
  // Between collections, where a real exporter spends its minute: the post-scrape housekeeping
  // (GC, malloc_trim 50 ms after the scrape) has run by then.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const rssSettled = rssMiB(proc.pid);
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const expectedCalls = Math.ceil((METRICS * 2) / 500);
  console.log(JSON.stringify({
    metrics: METRICS,
    statistics: 2,
    series_exported: series,
    getmetricdata_calls_per_collection: [...new Set(perCollection.map((c) => c.getMetricData))],
    expected_max_getmetricdata_calls: expectedCalls,
    listmetrics_calls_per_collection: [...new Set(perCollection.map((c) => c.listMetrics))],
    scrape_seconds_median: Number(q(0.5).toFixed(3)),
    scrape_seconds_p90: Number(q(0.9).toFixed(3)),
    scrape_seconds_first: Number(latencies[0].toFixed(3)),
    rss_mib_idle: Number(rssIdle.toFixed(1)),
    rss_mib_after: Number(rssAfter.toFixed(1)),
    rss_mib_settled: Number(rssSettled.toFixed(1)),
    rss_mib_peak: Number(hwm.toFixed(1)),
    node: process.version,
  }, null, 2));
  if (perCollection.some((c) => c.getMetricData > expectedCalls)) {
    console.error(`more than ${expectedCalls} GetMetricData calls in a collection`);
    process.exitCode = 1;
  }
} finally {
  await stopExporter(proc);
  await fake.close();
}
