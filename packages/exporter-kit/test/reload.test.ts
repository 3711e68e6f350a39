import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExporterSpec, Logger, RunningExporter } from '../src/index.js';
import { ConfigError, defineCollector, startExporter } from '../src/index.js';
import { ConfigReloader } from '../src/reload.js';

// ExporterRuntime.reload served by the kit: POST /-/reload and SIGHUP, one reload at a time, the
// old configuration kept on failure, the outcome logged and exported as metrics.

interface Reloadable {
  /** What the next reload does: resolve with the new value, or throw. */
  next: () => Promise<string>;
  value: string;
  calls: number;
}

const logs: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: (msg, fields) => logs.push(`info ${msg} ${JSON.stringify(fields ?? {})}`),
  warn: (msg, fields) => logs.push(`warn ${msg} ${JSON.stringify(fields ?? {})}`),
  error: (msg, fields) => logs.push(`error ${msg} ${JSON.stringify(fields ?? {})}`),
  child: () => logger,
  isEnabled: () => true,
};

function specWith(state: Reloadable, reloadable = true): ExporterSpec<string> {
  return {
    name: 'reload-exporter', description: 'd', version: '1', defaultListenAddress: ':0', envPrefix: 'RELOAD',
    buildInfoMetric: 'reload_exporter_build_info',
    collectorMetrics: { duration: 'reload_exporter_collector_duration_seconds', success: 'reload_exporter_collector_success' },
    collectors: [
      defineCollector<string>({ name: 'value', help: 'h', defaultEnabled: true, async collect(ctx, out) { out.gauge('reload_value', 'h', 1, { value: ctx.target }); } }),
    ],
    setup: () => ({
      async acquire() {
        return { ok: true, target: state.value };
      },
      ...(reloadable ? {
        async reload() {
          state.calls += 1;
          state.value = await state.next();
        },
      } : {}),
    }),
  };
}

let running: RunningExporter | undefined;
afterEach(async () => {
  await running?.close(1000);
  running = undefined;
  logs.length = 0;
});

async function start(state: Reloadable, reloadable = true): Promise<string> {
  running = await startExporter(specWith(state, reloadable), { argv: ['--web.listen-address=127.0.0.1:0'], env: {}, logger });
  return `http://${running.addresses[0]}`;
}

function metricValue(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('configuration reload', () => {
  it('POST /-/reload switches to a good config and keeps the old one on a bad one, saying why', async () => {
    const state: Reloadable = { value: 'first', calls: 0, next: async () => 'second' };
    const base = await start(state);
    const startup = await (await fetch(`${base}/metrics`)).text();
    expect(metricValue(startup, 'reload_exporter_config_last_reload_successful')).toBe(1);
    const loadedAt = metricValue(startup, 'reload_exporter_config_last_reload_success_timestamp_seconds')!;
    expect(loadedAt).toBeGreaterThan(0);

    const ok = await fetch(`${base}/-/reload`, { method: 'POST' });
    expect([ok.status, await ok.text()]).toEqual([200, 'OK\n']);
    const afterGood = await (await fetch(`${base}/metrics`)).text();
    expect(afterGood).toContain('reload_value{value="second"} 1');
    expect(metricValue(afterGood, 'reload_exporter_config_last_reload_success_timestamp_seconds')).toBeGreaterThanOrEqual(loadedAt);
    expect(logs).toContain('info Reloaded configuration {"trigger":"POST /-/reload"}');

    state.next = async () => {
      throw new ConfigError('config.yml: metrics[0].aws_statistics[0]: "Max" is not a statistic; use Maximum');
    };
    const bad = await fetch(`${base}/-/reload`, { method: 'POST' });
    expect([bad.status, await bad.text()]).toEqual([500, 'Reloading the configuration failed: config.yml: metrics[0].aws_statistics[0]: "Max" is not a statistic; use Maximum\n']);
    const afterBad = await (await fetch(`${base}/metrics`)).text();
    expect(afterBad).toContain('reload_value{value="second"} 1');
    expect(metricValue(afterBad, 'reload_exporter_config_last_reload_successful')).toBe(0);
    expect(logs.some((l) => l.startsWith('error Reloading the configuration failed; the previous one stays active') && l.includes('is not a statistic; use Maximum'))).toBe(true);
  });

  it('refuses GET on /-/reload (405, Allow: POST)', async () => {
    const state: Reloadable = { value: 'v', calls: 0, next: async () => 'w' };
    const base = await start(state);
    const res = await fetch(`${base}/-/reload`);
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
    expect(state.calls).toBe(0);
  });

  it('runs concurrent reloads one after the other', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let opened!: () => void;
    const gate = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const order: string[] = [];
    let call = 0;
    const reloader = new ConfigReloader(async () => {
      call += 1;
      const mine = call;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      order.push(`start ${mine}`);
      if (mine === 1) await gate;
      inFlight -= 1;
      order.push(`end ${mine}`);
      if (mine === 2) throw new Error('second failed');
    }, 'x', logger);
    const first = reloader.reload('POST /-/reload');
    const second = reloader.reload('SIGHUP');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start 1']);
    opened();
    expect(await Promise.all([first, second])).toEqual([undefined, 'second failed']);
    expect([order, maxInFlight]).toEqual([['start 1', 'end 1', 'start 2', 'end 2'], 1]);
  });

  it('reloads on SIGHUP, and stops listening for it once closed', async (ctx) => {
    // A worker thread's process.on() gets no signals, and the signal would end the whole process.
    if (!isMainThread) ctx.skip('signals reach process listeners only on the main thread (this run uses worker threads)');
    const state: Reloadable = { value: 'v', calls: 0, next: async () => 'after-hup' };
    const base = await start(state);
    const reloaded = new Promise<void>((resolve) => {
      const original = logger.info;
      logger.info = (msg, fields) => {
        original(msg, fields);
        if (msg === 'Reloaded configuration') {
          logger.info = original;
          resolve();
        }
      };
    });
    process.kill(process.pid, 'SIGHUP');
    await reloaded;
    expect(logs).toContain('info Reloaded configuration {"trigger":"SIGHUP"}');
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('reload_value{value="after-hup"} 1');

    const listeners = process.listenerCount('SIGHUP');
    await running!.close(1000);
    running = undefined;
    expect(process.listenerCount('SIGHUP')).toBe(listeners - 1);
  });

  it('an exporter without reload() serves no /-/reload, no reload metrics and leaves SIGHUP alone', async () => {
    const listeners = process.listenerCount('SIGHUP');
    const state: Reloadable = { value: 'v', calls: 0, next: async () => 'w' };
    const base = await start(state, false);
    expect(process.listenerCount('SIGHUP')).toBe(listeners);
    expect((await fetch(`${base}/-/reload`, { method: 'POST' })).status).toBe(405);
    expect(await (await fetch(`${base}/metrics`)).text()).not.toContain('config_last_reload');
  });
});
