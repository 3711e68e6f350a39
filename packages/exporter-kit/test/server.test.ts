import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import type { ExporterSpec, RunningExporter, RuntimeHooks } from '../src/index.js';
import { ScrapeAbandonedError, createLogger, defineCollector, silentLogger, startExporter } from '../src/index.js';
import { havePromtool, promtoolCheckMetrics } from '../../../test/support/promtool.js';
import { inCI } from '../../../test/support/services.js';

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

/** A promise with its resolve function: tests wait for events, never for time. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

/** Waits until `check` holds, looking again after each event-loop turn (no time bound but the test's). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 5));
}

let calls = 0;
let targetUp = true;
/** While set, alpha waits for it (after resolving `alphaEntered`). */
let alphaGate: Promise<void> | undefined;
let alphaEntered = deferred();
let alphaSignal: AbortSignal | undefined;

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
        alphaSignal = ctx.signal;
        alphaEntered.resolve();
        if (alphaGate) await alphaGate;
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
  targetUp = true;
  alphaGate = undefined;
  alphaEntered = deferred();
  alphaSignal = undefined;
});

async function start(args: string[] = [], runtimeHooks?: RuntimeHooks): Promise<string> {
  running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', '--demo.password=hunter2', ...args], env: {}, logger: silentLogger, runtimeHooks });
  return running.addresses[0]!;
}

/** The value of one series in an exposition, e.g. sample(body, 'promhttp_metric_handler_requests_total{code="200"}'). */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Scrapes only beta (never gated) and reads promhttp_metric_handler_requests_in_flight. */
async function inFlight(addr: string): Promise<number> {
  return sample((await get(addr, '/metrics?collect[]=beta')).body.toString(), 'promhttp_metric_handler_requests_in_flight') ?? NaN;
}

describe('HTTP serving', () => {
  it('runs the native-heap trim of the runtime hooks after a scrape or probe ends, never while one runs', async () => {
    let trims = 0;
    let trimmedWhileScraping = 0;
    let trimmed = deferred();
    let scraping = false;
    const addr = await start([], { nativeHeapTrim: () => { trims++; if (scraping) trimmedWhileScraping++; trimmed.resolve(); } });
    expect((await get(addr, '/probe?target=db:1')).status).toBe(200);
    await trimmed.promise;
    expect(trims).toBe(1);
    // A quick scrape ending while a slow one runs schedules a trim, which must wait for the slow
    // one (the deferral itself is timed in heap-tuning.test.ts, with manual timers).
    trimmed = deferred();
    let release!: () => void;
    alphaGate = new Promise((r) => { release = r; });
    scraping = true;
    const slow = get(addr, '/metrics');
    await alphaEntered.promise;
    expect((await get(addr, '/metrics?collect[]=beta')).status).toBe(200);
    scraping = false;
    release();
    expect((await slow).status).toBe(200);
    await trimmed.promise;
    expect(trims).toBeGreaterThanOrEqual(2);
    expect(trimmedWhileScraping).toBe(0);
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
    alphaGate = new Promise(() => {});
    // alpha never finishes and ignores its signal: success 0 means the answer did not wait for it.
    const res = await get(addr, '/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '1.25' });
    const body = res.body.toString();
    expect(res.status).toBe(200);
    expect(body).toContain('demo_exporter_collector_success{collector="alpha"} 0\n');
    expect(body).toContain('demo_beta_value 2\n');
  });

  it('single-flight: concurrent scrapes share one collection', async () => {
    const addr = await start();
    let release!: () => void;
    alphaGate = new Promise((r) => { release = r; });
    const results = Promise.all([1, 2, 3, 4, 5].map(() => get(addr, '/metrics')));
    // All five wait (plus the request that asks), yet alpha was entered once.
    await until(async () => (await inFlight(addr)) === 6);
    release();
    expect((await results).every((r) => r.status === 200 && r.body.toString().includes('demo_alpha_value'))).toBe(true);
    expect(calls).toBe(1);
  });

  it('answers 503 beyond --web.max-requests, and counts it in promhttp_metric_handler_requests_total', async () => {
    const addr = await start(['--web.max-requests=2']);
    let release!: () => void;
    alphaGate = new Promise((r) => { release = r; });
    const blocked = [get(addr, '/metrics?collect[]=alpha'), get(addr, '/metrics?collect[]=alpha&collect[]=beta')];
    // Quick scrapes of beta pass until both blocked ones hold the two places.
    let refused: Raw | undefined;
    await until(async () => {
      const r = await get(addr, '/metrics?collect[]=beta');
      if (r.status === 503) refused = r;
      return r.status === 503;
    });
    expect(refused!.body.toString()).toBe('Limit of concurrent requests reached (2), try again later.\n');
    release();
    expect((await Promise.all(blocked)).map((r) => r.status)).toEqual([200, 200]);
    const body = (await get(addr, '/metrics')).body.toString();
    expect(sample(body, 'promhttp_metric_handler_requests_total{code="503"}')).toBe(1);
    expect(sample(body, 'promhttp_metric_handler_requests_total{code="200"}')).toBeGreaterThanOrEqual(2);
  });

  it('graceful shutdown lets an in-flight scrape finish and then refuses connections', async () => {
    const addr = await start();
    let release!: () => void;
    alphaGate = new Promise((r) => { release = r; });
    const inflight = get(addr, '/metrics');
    await alphaEntered.promise;
    const closing = running!.close(60_000);
    running = undefined;
    release();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('demo_alpha_value');
    await closing;
    await expect(get(addr, '/metrics')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a client that goes away aborts the scrape\'s one signal, which acquire() and the collectors share', async () => {
    const addr = await start();
    alphaGate = new Promise(() => {}); // alpha only ends through its signal
    const [host, port] = addr.split(':');
    const req = request({ host, port: Number(port), path: '/metrics', agent: false });
    req.on('error', () => {});
    req.end();
    await alphaEntered.promise;
    const aborted = new Promise<unknown>((resolve) => alphaSignal!.addEventListener('abort', () => resolve(alphaSignal!.reason)));
    req.destroy();
    expect(await aborted).toBeInstanceOf(ScrapeAbandonedError);
  });

  it('serves several --web.listen-address at once', async () => {
    running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', '--web.listen-address=[::1]:0'], env: {}, logger: silentLogger });
    expect(running.addresses).toHaveLength(2);
    for (const addr of running.addresses) expect((await get(addr, '/-/healthy')).status).toBe(200);
  });

  it('output passes promtool check metrics with no findings', async (ctx) => {
    if (!havePromtool()) {
      const reason = 'promtool (Debian package prometheus) is not installed; run scripts/prepare-services.sh (as root)';
      if (inCI) throw new Error(reason);
      ctx.skip(reason);
    }
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
