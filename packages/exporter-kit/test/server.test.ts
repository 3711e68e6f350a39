import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import type { ExporterSpec, RunningExporter } from '../src/index.js';
import { defineCollector, silentLogger, startExporter } from '../src/index.js';
import { NATIVE_TRIM_DELAY_MS, setNativeHeapTrim } from '../src/heap-tuning.js';
import { havePromtool, promtoolCheckMetrics } from '../../../test/support/promtool.js';
import { requireDependency } from '../../../test/support/services.js';

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(address: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const [host, port] = address.startsWith('[') ? [address.slice(1, address.indexOf(']')), address.split(':').pop()] : address.split(':');
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let calls = 0;
let delayMs = 0;
let targetUp = true;

const spec: ExporterSpec<{ dsn: string }> = {
  name: 'demo-exporter',
  description: 'Demo exporter for the kit tests.',
  version: '9.9.9',
  defaultListenAddress: ':0',
  envPrefix: 'DEMO_EXPORTER',
  buildInfoMetric: 'demo_exporter_build_info',
  collectorMetrics: { duration: 'demo_exporter_collector_duration_seconds', success: 'demo_exporter_collector_success' },
  singleFlight: true,
  collectors: [
    defineCollector({
      name: 'alpha', help: 'Alpha.', defaultEnabled: true,
      async collect(ctx, out) {
        calls++;
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        out.gauge('demo_alpha_value', 'Alpha value.', 1, { target: ctx.target.dsn });
        out.counter('demo_alpha_events_total', 'Alpha events.', 42);
      },
    }),
    defineCollector({
      name: 'beta', help: 'Beta.', defaultEnabled: true,
      async collect(_ctx, out) { out.gauge('demo_beta_value', 'Beta value.', 2); },
    }),
    defineCollector({
      name: 'gamma', help: 'Gamma (off by default).', defaultEnabled: false,
      async collect(_ctx, out) { out.gauge('demo_gamma_value', 'Gamma value.', 3); },
    }),
  ],
  flags: [{ name: 'demo.password', description: 'Secret.', secret: true, default: '' }],
  setup: () => ({
    probe: true,
    landingInfo: [['Target', 'db.example:3306']],
    async acquire({ out, probe }) {
      const up = targetUp && probe?.get('target') !== 'down:1';
      out.gauge('demo_up', 'Whether the target answered.', up ? 1 : 0);
      return up ? { ok: true, target: { dsn: probe?.get('target') ?? 'default' } } : { ok: false };
    },
  }),
};

let running: RunningExporter | undefined;
afterEach(async () => {
  await running?.close(1000);
  running = undefined;
  calls = 0;
  delayMs = 0;
  targetUp = true;
});

async function start(args: string[] = []): Promise<string> {
  running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', '--demo.password=hunter2', ...args], env: {}, logger: silentLogger });
  return running.addresses[0]!;
}

describe('HTTP serving', () => {
  it('runs a registered native-heap trim after a scrape or probe ends, never while one runs', async () => {
    let trims = 0;
    setNativeHeapTrim(() => { trims++; });
    const addr = await start();
    const wait = (n: number) => new Promise((r) => setTimeout(r, NATIVE_TRIM_DELAY_MS * n));
    expect((await get(addr, '/probe?target=db:1')).status).toBe(200);
    await wait(3);
    expect(trims).toBe(1);
    // A quick scrape schedules a trim; a slow one starting right after holds it off until it ends.
    expect((await get(addr, '/metrics?collect[]=beta')).status).toBe(200);
    delayMs = NATIVE_TRIM_DELAY_MS * 4;
    const slow = get(addr, '/metrics');
    await wait(2);
    expect(trims).toBe(1);
    expect((await slow).status).toBe(200);
    await wait(3);
    expect(trims).toBe(2);
  });

  it('serves metrics as text 0.0.4 by default, with collector self metrics, build info and process metrics', async () => {
    const addr = await start();
    const res = await get(addr, '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = res.body.toString();
    expect(body).toContain('demo_alpha_value{target="default"} 1\n');
    expect(body).toContain('demo_up 1\n');
    expect(body).toContain('demo_exporter_collector_success{collector="alpha"} 1\n');
    expect(body).toContain('demo_exporter_collector_success{collector="beta"} 1\n');
    expect(body).not.toContain('collector="gamma"');
    expect(body).toMatch(/demo_exporter_build_info\{version="9\.9\.9",revision="[^"]+",branch="[^"]+",nodejs_version="v\d+/);
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).toMatch(/^process_cpu_seconds_total \d/m);
    if (process.platform === 'linux') expect(body).toMatch(/^process_open_fds [1-9]/m);
    expect(body).not.toMatch(/nodejs_active_\w+_total/);
    expect(body).not.toContain('hunter2');
  });

  it('negotiates OpenMetrics for Prometheus and gzips when asked', async () => {
    const addr = await start();
    const res = await get(addr, '/metrics', {
      Accept: 'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
      'Accept-Encoding': 'gzip',
    });
    expect(res.headers['content-type']).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = gunzipSync(res.body).toString();
    expect(body).toContain('# TYPE demo_alpha_events counter\n');
    expect(body).toContain('demo_alpha_events_total 42\n');
    expect(body.endsWith('# EOF\n')).toBe(true);
  });

  it('landing page names the exporter, links the metrics and lists enabled collectors, without secrets', async () => {
    const addr = await start(['--web.telemetry-path=/custom']);
    const res = await get(addr, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    const html = res.body.toString();
    expect(html).toContain('demo-exporter');
    expect(html).toContain('href="custom"');
    expect(html).toContain('<code>alpha</code> <code>beta</code>');
    expect(html).toContain('db.example:3306');
    expect(html).not.toContain('hunter2');
    expect((await get(addr, '/custom')).status).toBe(200);
    expect((await get(addr, '/metrics')).status).toBe(404);
  });

  it('health and readiness endpoints, 404 and 405', async () => {
    const addr = await start();
    expect((await get(addr, '/-/healthy')).status).toBe(200);
    expect((await get(addr, '/-/ready')).status).toBe(200);
    expect((await get(addr, '/nope')).status).toBe(404);
    expect((await get(addr, '/metrics', {}, 'POST')).status).toBe(405);
    const head = await get(addr, '/metrics', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('collect[] and exclude[] filter; both together or a disabled collector → 400', async () => {
    const addr = await start();
    const only = (await get(addr, '/metrics?collect[]=beta')).body.toString();
    expect(only).toContain('demo_beta_value');
    expect(only).not.toContain('demo_alpha_value');
    const without = (await get(addr, '/metrics?exclude[]=beta')).body.toString();
    expect(without).toContain('demo_alpha_value');
    expect(without).not.toContain('demo_beta_value');
    expect((await get(addr, '/metrics?collect[]=alpha&exclude[]=beta')).status).toBe(400);
    expect((await get(addr, '/metrics?collect[]=gamma')).status).toBe(400);
  });

  it('a target that is down answers 200 with <ns>_up 0 and recovers by itself', async () => {
    const addr = await start();
    targetUp = false;
    const down = await get(addr, '/metrics');
    expect(down.status).toBe(200);
    expect(down.body.toString()).toContain('demo_up 0\n');
    expect(down.body.toString()).not.toContain('demo_alpha_value');
    targetUp = true;
    expect((await get(addr, '/metrics')).body.toString()).toContain('demo_up 1\n');
  });

  it('/probe requires target and scrapes the named one, without exporter self metrics', async () => {
    const addr = await start();
    expect((await get(addr, '/probe')).status).toBe(400);
    const body = (await get(addr, '/probe?target=db2:3306')).body.toString();
    expect(body).toContain('demo_alpha_value{target="db2:3306"} 1');
    expect(body).not.toContain('process_resident_memory_bytes');
    expect((await get(addr, '/probe?target=down:1')).body.toString()).toContain('demo_up 0');
  });

  it('honours X-Prometheus-Scrape-Timeout-Seconds: a slow collector fails alone and the scrape answers in time', async () => {
    const addr = await start();
    delayMs = 5000;
    // alpha sleeps 5 s and ignores its signal: success 0 means the answer did not wait for it.
    const res = await get(addr, '/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '1.25' });
    const body = res.body.toString();
    expect(res.status).toBe(200);
    expect(body).toContain('demo_exporter_collector_success{collector="alpha"} 0\n');
    expect(body).toContain('demo_beta_value 2\n');
  });

  it('single-flight: concurrent scrapes share one collection', async () => {
    const addr = await start();
    delayMs = 300;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => get(addr, '/metrics')));
    expect(results.every((r) => r.status === 200 && r.body.toString().includes('demo_alpha_value'))).toBe(true);
    expect(calls).toBe(1);
  });

  it('answers 503 beyond --web.max-requests', async () => {
    const addr = await start(['--web.max-requests=2']);
    delayMs = 400;
    const [a, b, c] = await Promise.all([
      get(addr, '/metrics?collect[]=alpha'),
      get(addr, '/metrics?collect[]=alpha&collect[]=beta'),
      new Promise<Raw>((r) => setTimeout(() => r(get(addr, '/metrics?exclude[]=beta')), 100)),
    ]);
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(c!.status).toBe(503);
    expect((await get(addr, '/metrics')).status).toBe(200);
  });

  it('graceful shutdown lets an in-flight scrape finish and then refuses connections', async () => {
    const addr = await start();
    delayMs = 500;
    const inflight = get(addr, '/metrics');
    await new Promise((r) => setTimeout(r, 100));
    const closing = running!.close(5000);
    running = undefined;
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('demo_alpha_value');
    await closing;
    await expect(get(addr, '/metrics')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves several --web.listen-address at once', async () => {
    running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', '--web.listen-address=[::1]:0'], env: {}, logger: silentLogger });
    expect(running.addresses).toHaveLength(2);
    for (const addr of running.addresses) expect((await get(addr, '/-/healthy')).status).toBe(200);
  });

  it('output passes promtool check metrics with no findings', async () => {
    if (!requireDependency(havePromtool(), 'promtool (Debian package prometheus)')) return;
    const addr = await start();
    const text = (await get(addr, '/metrics')).body.toString();
    const lint = await promtoolCheckMetrics(text);
    expect(lint.errors).toEqual([]);
    expect(lint.findings).toEqual([]);
    expect(lint.exitCode).toBe(0);
  });
});

describe('--web.disable-exporter-metrics', () => {
  it('drops process and Node.js metrics but keeps build info, as node_exporter does', async () => {
    running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', '--web.disable-exporter-metrics'], env: {}, logger: silentLogger });
    const body = (await get(running.addresses[0]!, '/metrics')).body.toString();
    expect(body).toContain('demo_exporter_build_info{');
    expect(body).not.toMatch(/^process_/m);
    expect(body).not.toMatch(/^nodejs_/m);
    expect(body).toContain('demo_alpha_value');
  });
});
