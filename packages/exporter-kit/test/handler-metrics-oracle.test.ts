/**
 * promhttp_metric_handler_* against Debian's Go node_exporter (client_golang's promhttp): the same
 * requests to both, then the same families, types, label sets and values (HELP is worded apart).
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp } from '../../../test/support/processes.js';
import type { Started } from '../../../test/support/processes.js';
import { requireDependency } from '../../../test/support/services.js';
import type { ExporterSpec, RunningExporter } from '../src/index.js';
import { defineCollector, silentLogger, startExporter } from '../src/index.js';

const ORACLE = '/usr/bin/prometheus-node-exporter';
const available = requireDependency(existsSync(ORACLE), `the node_exporter oracle (${ORACLE})`);

const spec: ExporterSpec<void> = {
  name: 'promhttp-exporter', description: 'd', version: '1.0.0', defaultListenAddress: ':0', envPrefix: 'PH',
  buildInfoMetric: 'promhttp_exporter_build_info',
  collectorMetrics: { duration: 'ph_collector_duration_seconds', success: 'ph_collector_success' },
  collectors: [defineCollector({ name: 'time', help: 'h', defaultEnabled: true, async collect(_c, out) { out.gauge('ph_time', 'h', 1); } })],
};

/** The promhttp families of an exposition: TYPE lines and samples, without HELP. */
function promhttpLines(body: string): string[] {
  return body.split('\n').filter((l) => /^(# TYPE )?promhttp_metric_handler_/.test(l));
}

/** The same three requests: a scrape, a malformed one (400), another scrape, whose families are returned. */
async function sequence(base: string): Promise<string[]> {
  await fetch(`${base}/metrics`).then((r) => r.text());
  expect((await fetch(`${base}/metrics?collect[]=no_such_collector`)).status).toBe(400);
  return promhttpLines(await (await fetch(`${base}/metrics`)).text());
}

describe.runIf(available)('promhttp_metric_handler_* as Go node_exporter exposes them', () => {
  let go: Started | undefined;
  let ours: RunningExporter | undefined;
  afterEach(async () => {
    await go?.stop();
    await ours?.close(1000);
    go = undefined;
    ours = undefined;
  });

  async function compare(extra: string[]): Promise<string[]> {
    const port = await freePort();
    go = startProcess(ORACLE, [`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.time', ...extra]);
    await waitForHttp(`http://127.0.0.1:${port}/`);
    ours = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', ...extra], env: {}, logger: silentLogger });
    const goLines = await sequence(`http://127.0.0.1:${port}`);
    expect(await sequence(`http://${ours.addresses[0]}`)).toEqual(goLines);
    return goLines;
  }

  it('with exporter metrics: errors by cause, requests in flight, requests by code', async () => {
    const lines = await compare([]);
    expect(lines).toContain('promhttp_metric_handler_requests_total{code="200"} 1');
    expect(lines).toContain('# TYPE promhttp_metric_handler_requests_in_flight gauge');
  });

  it('with --web.disable-exporter-metrics: only the handler errors', async () => {
    const lines = await compare(['--web.disable-exporter-metrics']);
    expect(lines).toEqual([
      '# TYPE promhttp_metric_handler_errors_total counter',
      'promhttp_metric_handler_errors_total{cause="encoding"} 0',
      'promhttp_metric_handler_errors_total{cause="gathering"} 0',
    ]);
  });
});
