import { isMainThread } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { samplesNamed, useFakeAws, valueOf, writeConfig } from './support/harness.js';

const NEWEST = Math.floor(Date.now() / 60_000) * 60 - 660;
const instance = (id: string) => ({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'InstanceId', Value: id }], points: [{ t: NEWEST, value: 50 }] });

/** A scrape whose request bytes are known to have been handed to the kernel (`sent`). */
function sendScrape(url: string): { sent: Promise<void>; body: Promise<string> } {
  let sent!: () => void;
  const sentPromise = new Promise<void>((r) => { sent = r; });
  const body = new Promise<string>((resolve, reject) => {
    const req = request(`${url}/metrics`, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject);
    });
    req.on('finish', sent).on('error', reject).end();
  });
  return { sent: sentPromise, body };
}

/** One instance, all its dimensions selected: no ListMetrics, one GetMetricData query. */
const SINGLE_INSTANCE = writeConfig(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_dimension_select:
      InstanceId: [i-1]
    aws_statistics: [Average]
`);

describe('discovery: tags, paging and caches', () => {
  const aws = useFakeAws({
    metrics: ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'].map(instance),
    resources: [
      { arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1', tags: { Team: 'web', 'aws:cloudformation:stack-name': 'web-stack' } },
      { arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-2', tags: { Team: 'web' } },
      { arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-3', tags: { Team: 'db' } },
      { arn: 'arn:aws:s3:::bucket-1', tags: { Team: 'web' } },
    ],
    listMetricsPageSize: 2,
    getResourcesPageSize: 1,
  });

  it('aws_tag_select: only tagged resources, aws_resource_info with tag labels, every page followed', async () => {
    const exporter = await aws.start(writeConfig(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average]
    aws_tag_select:
      tag_selections:
        Team: [web]
      resource_type_selection: ec2:instance
      resource_id_dimension: InstanceId
`));
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_ec2_cpuutilization_average').map((s) => s.labels['instance_id'])).toEqual(['i-1', 'i-2']);
    expect(samplesNamed(text, 'aws_resource_info').map((s) => [s.labels, s.value])).toEqual([
      [{ job: 'aws_ec2', instance: '', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1', instance_id: 'i-1', tag_Team: 'web', tag_aws_cloudformation_stack_name: 'web-stack' }, 1],
      [{ job: 'aws_ec2', instance: '', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-2', instance_id: 'i-2', tag_Team: 'web' }, 1],
    ]);
    // 2 tagged EC2 instances at 1 per page; 5 metrics at 2 per page.
    expect(aws.fake.count('GetResources')).toBe(2);
    expect(aws.fake.count('ListMetrics')).toBe(3);
    expect(aws.fake.calls.find((c) => c.operation === 'GetResources')?.input).toMatchObject({
      ResourceTypeFilters: ['ec2:instance'], TagFilters: [{ Key: 'Team', Values: ['web'] }],
    });
    expect(valueOf(text, 'tagging_api_requests_total', { action: 'getResources', resource_type: 'ec2:instance' })).toBe(2);
  });

  it('list_metrics_cache_ttl reuses ListMetrics and GetResources answers across scrapes', async () => {
    const exporter = await aws.start(writeConfig(`
list_metrics_cache_ttl: 600
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average]
    aws_tag_select:
      resource_type_selection: ec2:instance
      resource_id_dimension: InstanceId
`));
    const first = await exporter.scrape();
    const second = await exporter.scrape();
    // Without tag_selections every listed instance is kept.
    expect(samplesNamed(second, 'aws_ec2_cpuutilization_average')).toHaveLength(5);
    expect(samplesNamed(first, 'aws_resource_info')).toHaveLength(3);
    expect(aws.fake.count('ListMetrics')).toBe(3);
    expect(aws.fake.count('GetResources')).toBe(3);
    expect(aws.fake.count('GetMetricData')).toBe(2);
  });

  it('without a cache TTL every scrape lists again, as cloudwatch_exporter', async () => {
    const exporter = await aws.start(writeConfig(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_statistics: [Average]
`));
    await exporter.scrape();
    await exporter.scrape();
    expect(aws.fake.count('ListMetrics')).toBe(6);
  });

  it('concurrent scrapes share one collection (single-flight)', async () => {
    let release: () => void = () => {};
    aws.fake.inject('GetMetricData', { kind: 'hold', release: new Promise<void>((r) => { release = r; }) });
    const exporter = await aws.start(SINGLE_INSTANCE);
    // Both requests are in the kernel before the held GetMetricData is released, and the exporter
    // runs in this process: it reads the second request before the answer to the first can arrive.
    const scrapes = [sendScrape(exporter.url), sendScrape(exporter.url)];
    await Promise.all(scrapes.map((s) => s.sent));
    await aws.fake.received('GetMetricData', 1);
    release();
    const texts = await Promise.all(scrapes.map((s) => s.body));
    expect(texts.map((t) => valueOf(t, 'aws_ec2_cpuutilization_average', { instance_id: 'i-1' }))).toEqual([50, 50]);
    expect(aws.fake.count('GetMetricData')).toBe(1);
  });

  it('decoupled mode: collections on its own schedule, scrapes served from the last one', async () => {
    const exporter = await aws.start(SINGLE_INSTANCE, ['--scrape.interval=1h']);
    const texts = [await exporter.scrape(), await exporter.scrape(), await exporter.scrape()];
    expect(texts.map((t) => valueOf(t, 'aws_ec2_cpuutilization_average', { instance_id: 'i-1' }))).toEqual([50, 50, 50]);
    expect(aws.fake.count('GetMetricData')).toBe(1);
  });

  it('POST /-/reload applies a good config, keeps the old one on a bad one and says why; GET is refused', async () => {
    const file = writeConfig(`
metrics:
  - aws_namespace: AWS/EC2
    aws_metric_name: CPUUtilization
    aws_dimensions: [InstanceId]
    aws_dimension_select: {InstanceId: [i-1]}
    aws_statistics: [Average]
`);
    const exporter = await aws.start(file);
    expect(samplesNamed(await exporter.scrape(), 'aws_ec2_cpuutilization_maximum')).toHaveLength(0);

    writeFileSync(file, 'metrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n    aws_statistics: [Max]\n');
    const bad = await fetch(`${exporter.url}/-/reload`, { method: 'POST' });
    expect(bad.status).toBe(500);
    expect(await bad.text()).toBe(`Reloading the configuration failed: ${file}: metrics[0].aws_statistics[0]: "Max" is not a statistic; use Maximum\n`);
    expect(valueOf(await exporter.scrape(), 'aws_ec2_cpuutilization_average', { instance_id: 'i-1' })).toBe(50);

    writeFileSync(file, 'metrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n    aws_dimensions: [InstanceId]\n    aws_dimension_select: {InstanceId: [i-2]}\n    aws_statistics: [Maximum]\n');
    const good = await fetch(`${exporter.url}/-/reload`, { method: 'POST' });
    expect([good.status, await good.text()]).toEqual([200, 'OK\n']);
    const text = await exporter.scrape();
    expect(samplesNamed(text, 'aws_ec2_cpuutilization_maximum').map((s) => s.labels['instance_id'])).toEqual(['i-2']);
    expect(samplesNamed(text, 'aws_ec2_cpuutilization_average')).toHaveLength(0);

    const get = await fetch(`${exporter.url}/-/reload`);
    expect(get.status).toBe(405);
  });

  it('SIGHUP reloads too', async (ctx) => {
    // A worker thread's process.on() gets no signals, and the signal would end the whole process.
    if (!isMainThread) ctx.skip('signals reach process listeners only on the main thread (this run uses worker threads)');
    const file = writeConfig('metrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n    aws_statistics: [Sum]\n');
    const exporter = await aws.start(file);
    writeFileSync(file, 'metrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n    aws_dimensions: [InstanceId]\n    aws_dimension_select: {InstanceId: [i-3]}\n    aws_statistics: [Average]\n');
    const reloaded = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (exporter.logs.some((l) => l.includes('Reloaded configuration'))) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    process.kill(process.pid, 'SIGHUP');
    await reloaded;
    expect(samplesNamed(await exporter.scrape(), 'aws_ec2_cpuutilization_average').map((s) => s.labels['instance_id'])).toEqual(['i-3']);
  });
});
