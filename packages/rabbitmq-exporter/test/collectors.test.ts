import { collectOnce, NoDataError, type MetricFamily } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { NodeRecord, OverviewRecord, QueueRecord } from '../src/api-types.js';
import { canaryCollector } from '../src/collectors/canary.js';
import { overviewCollector } from '../src/collectors/overview.js';
import { queueCollector } from '../src/collectors/queue.js';
import type { ManagementApi } from '../src/management-api.js';
import type { RabbitTarget } from '../src/target.js';
import { fixture } from './support/fixtures.js';

const overview = fixture<OverviewRecord>('overview.json');

/** An API whose list endpoints answer from canned pages (the real client is tested against a server). */
function pagedApi(pages: Record<string, unknown[][]>): ManagementApi {
  return {
    async *pages(path: string) {
      for (const page of pages[path] ?? []) yield page;
    },
  } as unknown as ManagementApi;
}

function target(api: ManagementApi, node: string, extra: Partial<RabbitTarget> = {}): RabbitTarget {
  return {
    api, overview, node: { name: node, running: true } as NodeRecord, runningNodes: ['rabbit@a', 'rabbit@b'],
    filter: {}, queueDetail: 'coarse', queueListing: 'paged', ...extra,
  };
}

const q = (vhost: string, name: string, node: string, ready: number, consumers = 0): QueueRecord => ({
  vhost, name, node, messages_ready: ready, messages_unacknowledged: 0, messages: ready, consumers,
});

function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  return families.find((f) => f.name === name)?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('queue collector', () => {
  const pages = {
    'api/queues': [
      [q('/', 'a1', 'rabbit@a', 3, 1), q('/', 'b1', 'rabbit@b', 5), q('/', 'a2', 'rabbit@a', 4, 2)],
      // The same queue again on the next page (a queue was declared in between): counted once.
      [q('/', 'a2', 'rabbit@a', 4, 2), q('other', 'a1', 'rabbit@a', 9)],
    ],
  };

  it('reports only the queues of the scrape\'s node, each once', async () => {
    const fams = await collectOnce(queueCollector, target(pagedApi(pages), 'rabbit@a'));
    const ready = fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!;
    expect(ready.samples.map((s) => [s.labels.vhost, s.labels.queue, s.value])).toEqual([
      ['/', 'a1', 3], ['/', 'a2', 4], ['other', 'a1', 9],
    ]);
    expect(value(fams, 'rabbitmq_queues')).toBe(3);
    expect(value(fams, 'rabbitmq_consumers')).toBe(3);
  });

  it('filters per-queue series but keeps the node totals whole', async () => {
    const fams = await collectOnce(queueCollector, target(pagedApi(pages), 'rabbit@a', { filter: { excludeVhost: /^other$/ } }));
    expect(fams.find((f) => f.name === 'rabbitmq_queue_messages_ready')!.samples).toHaveLength(2);
    expect(value(fams, 'rabbitmq_queues')).toBe(3);
  });

  it('reports zero queues for a node without any', async () => {
    const fams = await collectOnce(queueCollector, target(pagedApi(pages), 'rabbit@c'));
    expect(value(fams, 'rabbitmq_queues')).toBe(0);
    expect(fams.some((f) => f.name === 'rabbitmq_queue_messages_ready')).toBe(false);
  });
});

describe('overview collector', () => {
  it('puts the cluster-wide counters under one node only', async () => {
    const onA = await collectOnce(overviewCollector, target(pagedApi({}), 'rabbit@a'));
    const onB = await collectOnce(overviewCollector, target(pagedApi({}), 'rabbit@b'));
    expect(value(onA, 'rabbitmq_global_messages_received_total')).toBe(18);
    expect(value(onB, 'rabbitmq_global_messages_received_total')).toBeUndefined();
    expect(onB.find((f) => f.name === 'rabbitmq_identity_info')!.samples[0]!.labels).toEqual({
      rabbitmq_node: 'rabbit@b', rabbitmq_cluster: 'rabbit@vm',
    });
  });
});

describe('canary collector', () => {
  it('reports no data (not a failure) when no AMQP URL is configured', async () => {
    await expect(collectOnce(canaryCollector, target(pagedApi({}), 'rabbit@a'))).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('canary URL', () => {
  it('asks for heartbeats unless the operator chose an interval', async () => {
    const { withHeartbeat } = await import('../src/canary.js');
    expect(withHeartbeat('amqp://u:p@host:5672/%2F')).toBe('amqp://u:p@host:5672/%2F?heartbeat=15');
    expect(withHeartbeat('amqps://host/vh?heartbeat=5&frameMax=0')).toBe('amqps://host/vh?heartbeat=5&frameMax=0');
  });
});
