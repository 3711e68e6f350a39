import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealServer } from './real-receivers.js';
import {
  RECEIVER_BINARIES, binaryProblem, eventually, mustRun, startPrometheusReceiver, startPushgateway, startVictoriaMetrics,
} from './real-receivers.js';
import { demoSpec, startDemo } from './demo-exporter.js';
import { silentLogger } from '../../src/logger.js';
import type { MetricFamily } from '../../src/metrics.js';
import { HttpSender } from '../../src/push/http-sender.js';
import { PushTargetStats } from '../../src/push/push-stats.js';
import { PushgatewayClient } from '../../src/push/pushgateway-client.js';
import { pushgatewayGroupUrl } from '../../src/push/pushgateway-group.js';

interface GroupJson { labels: Record<string, string>; [metric: string]: unknown }
interface MetricJson { metrics: Array<{ labels: Record<string, string>; value?: string }> }

async function groups(gateway: RealServer): Promise<GroupJson[]> {
  const res = await fetch(`${gateway.url}/api/v1/metrics`);
  return ((await res.json()) as { data: GroupJson[] }).data;
}

const pgProblem = binaryProblem(RECEIVER_BINARIES.pushgateway);
describe.runIf(mustRun(pgProblem))(`push to a real Pushgateway${pgProblem ? ` (${pgProblem})` : ''}`, () => {
  let gateway: RealServer;
  beforeAll(async () => {
    gateway = await startPushgateway();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('--push.once replaces the group job/instance/<grouping> with one collection, base64 in the path where needed', async () => {
    const state = { round: 0 };
    const argv = ['--push.gateway-url', gateway.url, '--push.once', '--push.grouping', 'path=/var/tmp', '--push.grouping', 'instance=', '--push.grouping', 'env=test'];
    for (let i = 0; i < 2; i++) {
      const { running } = await startDemo(argv, demoSpec(state));
      await running.finished;
      await running.close();
    }
    const group = (await groups(gateway)).find((g) => g.labels.path === '/var/tmp');
    expect(group?.labels).toEqual({ job: 'demo-exporter', instance: '', path: '/var/tmp', env: 'test' });
    const requests = group?.demo_requests_total as MetricJson;
    expect(requests.metrics).toEqual([{ labels: { job: 'demo-exporter', instance: '', path: '/var/tmp', env: 'test', method: 'GET' }, value: '42' }]);
    expect((group?.demo_disk_free_bytes as MetricJson).metrics[0]?.labels.mountpoint).toBe('/var/lib');
    expect(group).toHaveProperty('demo_latency_seconds');
    expect(group).toHaveProperty('scrapekit_push_requests_total');
    // PUT semantics: the second push replaced the group, so the first round's series is gone.
    expect(group).not.toHaveProperty('demo_first_round_only');
  });

  it('pushes samples that carry timestamps (relayed CloudWatch datapoints) without them, the newest of a repeated series', async () => {
    const families: MetricFamily[] = [{
      name: 'aws_myapp_orders_sum', help: 'Orders.', type: 'gauge', samples: [
        { suffix: '', labels: { shop: 'eu' }, value: 1, timestampMs: Date.now() - 600_000 },
        { suffix: '', labels: { shop: 'eu' }, value: 2, timestampMs: Date.now() - 300_000 },
        { suffix: '', labels: { shop: 'us' }, value: 9, timestampMs: Date.now() - 300_000 },
      ],
    }];
    const client = new PushgatewayClient({
      groupUrl: pushgatewayGroupUrl(new URL(gateway.url), 'relay', []),
      sender: await HttpSender.create({ tls: {}, headers: [] }, 'scrapekit-test', false),
      stats: new PushTargetStats('pushgateway'), logger: silentLogger, requestTimeoutMs: 10_000, giveUpAfterMs: 10_000,
    });
    // The Pushgateway answers 400 to a timestamp: the push would be given up.
    await client.push(families);
    const group = (await groups(gateway)).find((g) => g.labels.job === 'relay');
    const orders = (group?.aws_myapp_orders_sum as MetricJson).metrics.map((m) => [m.labels.shop, m.value]);
    expect(orders.sort()).toEqual([['eu', '2'], ['us', '9']]);
  });

  it('--push.delete-on-exit removes the group on a clean shutdown; the pull endpoint keeps working meanwhile', async () => {
    const { running } = await startDemo([
      '--push.gateway-url', gateway.url, '--push.interval=1h', '--push.delete-on-exit', '--push.grouping', 'instance=delete-me',
      '--web.listen-address=127.0.0.1:0',
    ]);
    try {
      await eventually(async () => (await groups(gateway)).find((g) => g.labels.instance === 'delete-me'), 'the pushed group');
      const scrape = await fetch(`http://${running.addresses[0]}/metrics`);
      expect(await scrape.text()).toMatch(/^demo_requests_total\{method="GET"\} 42$/m);
    } finally {
      await running.close();
    }
    expect((await groups(gateway)).find((g) => g.labels.instance === 'delete-me')).toBeUndefined();
  });
});

interface QueryVector { data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> } }

const promProblem = binaryProblem(RECEIVER_BINARIES.prometheus);
describe.runIf(mustRun(promProblem))(`remote_write to a real Prometheus (--web.enable-remote-write-receiver)${promProblem ? ` (${promProblem})` : ''}`, () => {
  let prometheus: RealServer;
  beforeAll(async () => {
    prometheus = await startPrometheusReceiver();
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  it('stores every series with its name, labels, value and the collection timestamp', async () => {
    const before = Date.now();
    const { running } = await startDemo(['--push.remote-write-url', `${prometheus.url}/api/v1/write`, '--push.once', '--push.grouping', 'instance=ci-runner-1']);
    await running.finished;
    await running.close();
    const after = Date.now();
    const query = async (q: string): Promise<QueryVector['data']['result']> => {
      const res = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(`${q}[10m]`)}&time=${(after + 1000) / 1000}`);
      return ((await res.json()) as QueryVector).data.result;
    };
    const [requests] = await query('demo_requests_total');
    expect(requests?.metric).toEqual({ __name__: 'demo_requests_total', job: 'demo-exporter', instance: 'ci-runner-1', method: 'GET' });
    expect(requests?.values).toHaveLength(1);
    const [ts, value] = requests!.values[0]!;
    expect(value).toBe('42');
    expect(ts * 1000).toBeGreaterThanOrEqual(Math.floor(before));
    expect(ts * 1000).toBeLessThanOrEqual(after);
    const buckets = await query('demo_latency_seconds_bucket');
    expect(buckets.map((b) => [b.metric.le, b.values[0]?.[1]]).sort()).toEqual([['+Inf', '10'], ['0.1', '3'], ['1', '8']]);
    expect((await query('demo_latency_seconds_sum'))[0]?.values[0]?.[1]).toBe('4.25');
    expect((await query('scrapekit_push_samples_sent_total'))[0]?.metric).toMatchObject({ target: 'remote_write', instance: 'ci-runner-1' });
  });
});

const vmProblem = binaryProblem(RECEIVER_BINARIES.victoriaMetrics);
describe.runIf(mustRun(vmProblem))(`remote_write to a real VictoriaMetrics${vmProblem ? ` (${vmProblem})` : ''}`, () => {
  let vm: RealServer;
  beforeAll(async () => {
    vm = await startVictoriaMetrics();
  });
  afterAll(async () => {
    await vm?.stop();
  });

  it('stores every series with its name, labels, value and the collection timestamp', async () => {
    const before = Date.now();
    const { running } = await startDemo(['--push.remote-write-url', `${vm.url}/api/v1/write`, '--push.once', '--push.job', 'nightly-backup']);
    await running.finished;
    await running.close();
    const after = Date.now();
    const exported = await eventually(async () => {
      await fetch(`${vm.url}/internal/force_flush`);
      const res = await fetch(`${vm.url}/api/v1/export?match[]=${encodeURIComponent('{__name__=~"demo_.*"}')}`);
      const lines = (await res.text()).trim().split('\n').filter(Boolean);
      return lines.length >= 6 ? lines.map((l) => JSON.parse(l) as { metric: Record<string, string>; values: number[]; timestamps: number[] }) : undefined;
    }, 'the series in VictoriaMetrics');
    const requests = exported.find((e) => e.metric.__name__ === 'demo_requests_total');
    expect(requests?.metric).toMatchObject({ job: 'nightly-backup', method: 'GET' });
    expect(requests?.metric.instance).toBeTruthy();
    expect(requests?.values).toEqual([42]);
    expect(requests?.timestamps[0]).toBeGreaterThanOrEqual(before);
    expect(requests?.timestamps[0]).toBeLessThanOrEqual(after);
    const disk = exported.find((e) => e.metric.__name__ === 'demo_disk_free_bytes');
    expect(disk?.metric.mountpoint).toBe('/var/lib');
    expect(disk?.values).toEqual([1.5e9]);
    expect(exported.filter((e) => e.metric.__name__ === 'demo_latency_seconds_bucket').map((e) => e.metric.le).sort()).toEqual(['+Inf', '0.1', '1']);
  });
});
