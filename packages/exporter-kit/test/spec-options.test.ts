import { afterEach, describe, expect, it } from 'vitest';
import type { ExporterSpec, RunningExporter } from '../src/index.js';
import { BadRequestError, ScrapeDeadlineError, defineCollector, silentLogger, startExporter } from '../src/index.js';

// ExporterSpec options the mysqld_exporter drop-in needs: the 'collect.' label prefix, lenient
// collect[], a 400 from acquire(), and the deadline shared between acquire() and the collectors.
/** When set, acquire() returns only once its signal fired: it uses up the whole deadline. */
let acquireUntilAborted = false;
let acquireSignal: AbortSignal | undefined;
let collectorSeen: { signal: AbortSignal; deadline: number } | undefined;
const spec: ExporterSpec<void> = {
  name: 'opts-exporter', description: 'd', version: '1', defaultListenAddress: ':0', envPrefix: 'OPTS',
  buildInfoMetric: 'opts_exporter_build_info',
  collectorMetrics: { duration: 'opts_exporter_collector_duration_seconds', success: 'opts_exporter_collector_success' },
  collectorFlagPrefix: 'collect',
  collectorLabelPrefix: 'collect.',
  collectFilter: 'lenient',
  collectors: [
    defineCollector({ name: 'global_status', help: 'h', defaultEnabled: true, async collect(_c, out) { out.gauge('opts_a', 'h', 1); } }),
    defineCollector({
      name: 'slow', help: 'h', defaultEnabled: true,
      async collect(ctx, out) {
        collectorSeen = { signal: ctx.signal, deadline: ctx.deadline };
        await new Promise((r) => setImmediate(r));
        ctx.signal.throwIfAborted();
        out.gauge('opts_slow', 'h', 1);
      },
    }),
  ],
  setup: () => ({
    probe: true,
    async acquire({ probe, out, signal }) {
      if (probe?.get('auth_module') === 'nope') throw new BadRequestError('unknown auth_module "nope"');
      acquireSignal = signal;
      if (acquireUntilAborted) await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
      out.gauge('opts_up', 'h', 1);
      return { ok: true, target: undefined };
    },
  }),
};

let running: RunningExporter | undefined;
afterEach(async () => {
  await running?.close(1000);
  running = undefined;
  acquireUntilAborted = false;
  acquireSignal = undefined;
  collectorSeen = undefined;
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  running ??= await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0'], env: {}, logger: silentLogger });
  const res = await fetch(`http://${running.addresses[0]}${path}`, { headers });
  return { status: res.status, body: await res.text() };
}

describe('ExporterSpec options', () => {
  it('prefixes the collector label', async () => {
    const { body } = await get('/metrics');
    expect(body).toContain('opts_exporter_collector_success{collector="collect.global_status"} 1');
  });

  it('lenient collect[]: unknown names are ignored, not a 400', async () => {
    const r = await get('/metrics?collect[]=global_status&collect[]=unknown');
    expect(r.status).toBe(200);
    expect(r.body).toContain('opts_a 1');
    expect(r.body).not.toContain('collector="collect.slow"');
  });

  it('acquire() can reject the request with 400', async () => {
    const r = await get('/probe?target=db:3306&auth_module=nope');
    expect(r.status).toBe(400);
    expect(r.body).toContain('unknown auth_module "nope"');
  });

  it('collectors get only the time acquire() left of the deadline: one deadline, one signal', async () => {
    // 1.25 s timeout - 0.25 s offset = 1 s; acquire waits for its signal, so nothing is left.
    acquireUntilAborted = true;
    const spent = await get('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '1.25' });
    expect(spent.body).toContain('opts_up 1');
    expect(spent.body).toContain('opts_exporter_collector_success{collector="collect.slow"} 0');
    expect(spent.body).toContain('opts_exporter_collector_success{collector="collect.global_status"} 0');
    expect(acquireSignal?.reason).toBeInstanceOf(ScrapeDeadlineError);
    expect(collectorSeen).toBeUndefined(); // not started with no time left
    acquireUntilAborted = false;
    const before = Date.now();
    const fresh = await get('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '5.25' });
    const after = Date.now();
    expect(fresh.body).toContain('opts_exporter_collector_success{collector="collect.slow"} 1');
    expect(collectorSeen!.signal).toBe(acquireSignal);
    // The one deadline: the header's 5 s, counted from the request's arrival.
    expect(collectorSeen!.deadline).toBeGreaterThanOrEqual(before + 5000);
    expect(collectorSeen!.deadline).toBeLessThanOrEqual(after + 5000);
  });
});
