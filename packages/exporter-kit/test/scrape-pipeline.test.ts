import { afterEach, describe, expect, it } from 'vitest';
import type { ExporterSpec, LogFields, RunningExporter, RuntimeHooks } from '../src/index.js';
import { createLogger, defineCollector, silentLogger, startExporter } from '../src/index.js';

/** A promise with its resolve function: tests wait for events, never for time. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

let gate: Promise<void> | undefined;
let entered = deferred();
let failure: Error | undefined;
let duplicate = false;

const spec: ExporterSpec<void> = {
  name: 'pipe-exporter', description: 'Pipeline tests.', version: '2.0.0', defaultListenAddress: ':0', envPrefix: 'PIPE',
  buildInfoMetric: 'pipe_exporter_build_info',
  collectorMetrics: { duration: 'pipe_collector_duration_seconds', success: 'pipe_collector_success' },
  collectors: [
    defineCollector({
      name: 'main', help: 'h', defaultEnabled: true,
      async collect(_ctx, out) {
        entered.resolve();
        if (gate) await gate;
        if (failure) throw failure;
        out.gauge('pipe_value', 'A value.', 1);
        if (duplicate) out.gauge('pipe_value', 'A value.', 2);
      },
    }),
  ],
};

const running: RunningExporter[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close(1000)));
  gate = undefined;
  entered = deferred();
  failure = undefined;
  duplicate = false;
});

interface LogLine { level: string; msg: string; fields: LogFields }

async function start(options: { args?: string[]; runtimeHooks?: RuntimeHooks; lines?: LogLine[] } = {}): Promise<string> {
  const logger = options.lines
    ? createLogger({ level: 'debug', format: 'json', write: (l) => {
      const { level, msg, time: _time, ...fields } = JSON.parse(l) as { level: string; msg: string; time: string } & LogFields;
      options.lines!.push({ level, msg, fields });
    } })
    : silentLogger;
  const r = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', ...(options.args ?? [])], env: {}, logger, runtimeHooks: options.runtimeHooks });
  running.push(r);
  return `http://${r.addresses[0]}`;
}

const scrape = async (base: string, path = '/metrics'): Promise<{ status: number; body: string }> => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.text() };
};

function promhttp(body: string): string[] {
  return body.split('\n').filter((l) => l.startsWith('promhttp_metric_handler_'));
}

describe('two servers in one process', () => {
  it('keep their own scrape housekeeping: a scrape running on one never holds off the other\'s trim', async () => {
    const trimmed = { a: deferred(), b: deferred() };
    const trims = { a: 0, b: 0 };
    const a = await start({ runtimeHooks: { nativeHeapTrim: () => { trims.a++; trimmed.a.resolve(); } } });
    const b = await start({ runtimeHooks: { nativeHeapTrim: () => { trims.b++; trimmed.b.resolve(); } } });
    let release!: () => void;
    gate = new Promise((r) => { release = r; });
    const slowOnA = scrape(a);
    await entered.promise;
    gate = undefined;
    expect((await scrape(b)).status).toBe(200);
    await trimmed.b.promise; // would never come if B waited for A's running scrape
    expect(trims.a).toBe(0);
    release();
    expect((await slowOnA).status).toBe(200);
    await trimmed.a.promise;
    expect(trims).toEqual({ a: 1, b: 1 });
  });
});

describe('collector failures in the log', () => {
  it('a bug (TypeError) is logged at error with its stack once, then at debug', async () => {
    const lines: LogLine[] = [];
    const base = await start({ lines });
    failure = new TypeError("Cannot read properties of undefined (reading 'rows')");
    for (let i = 0; i < 3; i++) expect((await scrape(base)).body).toContain('pipe_collector_success{collector="main"} 0');
    const reports = lines.filter((l) => l.msg === 'collector failed');
    expect(reports.map((l) => l.level)).toEqual(['error', 'debug', 'debug']);
    expect(String(reports[0]!.fields.stack)).toMatch(/^TypeError: Cannot read properties[^\n]*\n\s+at /);
    expect(reports[1]!.fields.stack).toBeUndefined();
  });

  it('a target failure is one error line on every scrape, without a stack', async () => {
    const lines: LogLine[] = [];
    const base = await start({ lines });
    failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    await scrape(base);
    await scrape(base);
    const reports = lines.filter((l) => l.msg === 'collector failed');
    expect(reports.map((l) => l.level)).toEqual(['error', 'error']);
    expect(reports.every((l) => l.fields.stack === undefined && l.fields.err === 'connect ECONNREFUSED 127.0.0.1:3306')).toBe(true);
  });
});

describe('promhttp_metric_handler_* (client_golang promhttp, node_exporter rules)', () => {
  it('start at 0 for codes 200, 500 and 503; a scrape sees itself in flight but is counted once answered', async () => {
    const base = await start();
    expect(promhttp((await scrape(base)).body)).toEqual([
      'promhttp_metric_handler_errors_total{cause="encoding"} 0',
      'promhttp_metric_handler_errors_total{cause="gathering"} 0',
      'promhttp_metric_handler_requests_in_flight 1',
      'promhttp_metric_handler_requests_total{code="200"} 0',
      'promhttp_metric_handler_requests_total{code="500"} 0',
      'promhttp_metric_handler_requests_total{code="503"} 0',
    ]);
    const second = (await scrape(base)).body;
    expect(second).toContain('promhttp_metric_handler_requests_total{code="200"} 1\n');
    expect(second).toMatch(/# TYPE promhttp_metric_handler_requests_total counter\n/);
    expect(second).toMatch(/# TYPE promhttp_metric_handler_requests_in_flight gauge\n/);
    expect(second).toMatch(/# TYPE promhttp_metric_handler_errors_total counter\n/);
  });

  it('a malformed request (400) is not counted, as in node_exporter; a gathering error is', async () => {
    const base = await start();
    expect((await scrape(base, '/metrics?collect[]=nope')).status).toBe(400);
    duplicate = true;
    await scrape(base);
    duplicate = false;
    const body = (await scrape(base)).body;
    expect(body).toContain('promhttp_metric_handler_errors_total{cause="gathering"} 1\n');
    expect(body).toContain('promhttp_metric_handler_requests_total{code="200"} 1\n');
    expect(body).not.toContain('code="400"');
  });

  it('with --web.disable-exporter-metrics only the handler errors stay, as in node_exporter', async () => {
    const base = await start({ args: ['--web.disable-exporter-metrics'] });
    expect(promhttp((await scrape(base)).body)).toEqual([
      'promhttp_metric_handler_errors_total{cause="encoding"} 0',
      'promhttp_metric_handler_errors_total{cause="gathering"} 0',
    ]);
  });

  it('/probe is not the metrics handler: no promhttp families there', async () => {
    const probeSpec: ExporterSpec<void> = { ...spec, setup: () => ({ probe: true, acquire: async () => ({ ok: true, target: undefined }) }) };
    const r = await startExporter(probeSpec, { argv: ['--web.listen-address=127.0.0.1:0'], env: {}, logger: silentLogger });
    running.push(r);
    const body = (await scrape(`http://${r.addresses[0]}`, '/probe?target=x')).body;
    expect(body).toContain('pipe_value 1');
    expect(promhttp(body)).toEqual([]);
  });
});

describe('collect() (for push mode)', () => {
  it('gathers one merged snapshot through the same pipeline, with the self metrics', async () => {
    await start();
    const families = await running[0]!.collect();
    const names = families.map((f) => f.name);
    expect(names).toContain('pipe_value');
    expect(names).toContain('pipe_collector_success');
    expect(names).toContain('pipe_exporter_build_info');
    expect(names).toEqual([...names].sort());
  });
});
