import type { MetricFamily } from '@scrapekit/exporter-kit';
import type { NodeRecord, OverviewRecord } from '../../src/api-types.js';
import { AGGREGATED } from '../../src/endpoint.js';
import type { ManagementApi, Query } from '../../src/management-api.js';
import { MonotonicTotal } from '../../src/monotonic.js';
import type { RabbitTarget } from '../../src/target.js';
import { fixture } from './fixtures.js';

export const overview = fixture<OverviewRecord>('overview.json');

export interface FakeApi {
  readonly api: ManagementApi;
  /** Every list request made: path and the extra query (disable_stats…). */
  readonly requests: { path: string; query: Query }[];
}

/** An API whose list endpoints answer from canned batches (the real client is tested against a server). */
export function fakeApi(lists: Record<string, unknown[][]>): FakeApi {
  const requests: { path: string; query: Query }[] = [];
  async function* list(path: string, _columns: readonly string[], _signal: AbortSignal, query: Query = {}) {
    requests.push({ path, query });
    for (const batch of lists[path] ?? []) yield batch.map((r) => ({ ...(r as object) }));
  }
  return { api: { pages: list, stream: list } as unknown as ManagementApi, requests };
}

export function target(api: ManagementApi, node: string, extra: Partial<RabbitTarget> = {}): RabbitTarget {
  return {
    api, overview, node: { name: node, running: true } as NodeRecord, runningNodes: ['rabbit@a', 'rabbit@b'],
    filter: {}, queueDetail: 'coarse', queueListing: 'paged', endpoint: AGGREGATED,
    featureFlags: new Set(['drop_unroutable_metric', 'empty_basic_get_metric']),
    totals: { routed: new MonotonicTotal(), receivedConfirm: new MonotonicTotal() },
    memory: async () => undefined,
    ...extra,
  };
}

export function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  return families.find((f) => f.name === name)?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

export const names = (families: MetricFamily[]): string[] => families.map((f) => f.name).filter((n) => !n.startsWith('rabbitmq_exporter_'));
