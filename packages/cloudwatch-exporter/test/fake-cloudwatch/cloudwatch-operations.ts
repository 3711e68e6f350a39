import { type FakeDimension, type FakeMetric, type FakeSeed, metricKey, statValue } from './model.js';

/** CloudWatch's validation failure, as the service sends it. */
export class FakeValidationError extends Error {}

type Json = Record<string, unknown>;

const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

function asDimensions(v: unknown): FakeDimension[] {
  return Array.isArray(v) ? (v as FakeDimension[]) : [];
}

/** ListMetrics: namespace/name/dimension filters, paged by an offset token. */
export function listMetrics(seed: FakeSeed, input: Json): Json {
  const filters = asDimensions(input['Dimensions']) as Array<{ Name: string; Value?: string }>;
  const matching = (seed.metrics ?? []).filter((m) =>
    (input['Namespace'] === undefined || m.namespace === input['Namespace'])
    && (input['MetricName'] === undefined || m.metricName === input['MetricName'])
    && filters.every((f) => m.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))));
  const pageSize = seed.listMetricsPageSize ?? 500;
  const from = input['NextToken'] ? Number(input['NextToken']) : 0;
  const page = matching.slice(from, from + pageSize);
  const next = from + pageSize < matching.length ? String(from + pageSize) : undefined;
  return {
    Metrics: page.map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions })),
    ...(next ? { NextToken: next } : {}),
  };
}

// Indexed per seed, so a bench with thousands of metrics measures the exporter, not the fake.
const indexes = new WeakMap<readonly FakeMetric[], Map<string, FakeMetric>>();

function findMetric(seed: FakeSeed, namespace: unknown, name: unknown, dims: FakeDimension[]): FakeMetric | undefined {
  const metrics = seed.metrics ?? [];
  let index = indexes.get(metrics);
  if (!index) {
    index = new Map(metrics.map((m) => [metricKey(m.namespace, m.metricName, m.dimensions), m]));
    indexes.set(metrics, index);
  }
  return index.get(metricKey(namespace, name, dims));
}

/** Epoch seconds, as the JSON protocol sends timestamps. */
function seconds(v: unknown, field: string): number {
  if (typeof v !== 'number') throw new FakeValidationError(`${field} must be an epoch-seconds number, got ${JSON.stringify(v)}`);
  return v;
}

interface Query {
  Id: string;
  Label?: string;
  ReturnData?: boolean;
  MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions?: FakeDimension[] }; Period: number; Stat: string };
}

/** GetMetricData: ≤ 500 queries, newest first with ScanBy=TimestampDescending, paged by datapoints. */
export function getMetricData(seed: FakeSeed, input: Json): Json {
  const queries = (input['MetricDataQueries'] ?? []) as Query[];
  if (queries.length === 0 || queries.length > 500) {
    throw new FakeValidationError(`The collection MetricDataQueries must not be empty and must not contain more than 500 items (got ${queries.length}).`);
  }
  const ids = new Set<string>();
  for (const q of queries) {
    if (!QUERY_ID.test(q.Id)) throw new FakeValidationError(`Invalid metric data query id ${q.Id}`);
    if (ids.has(q.Id)) throw new FakeValidationError(`Duplicate metric data query id ${q.Id}`);
    ids.add(q.Id);
    if (!q.MetricStat) throw new FakeValidationError('Only MetricStat queries are supported by the fake');
  }
  const start = seconds(input['StartTime'], 'StartTime');
  const end = seconds(input['EndTime'], 'EndTime');
  if (end <= start) throw new FakeValidationError('The parameter StartTime must be less than the parameter EndTime.');
  const descending = input['ScanBy'] !== 'TimestampAscending';
  const all = queries.map((q) => {
    const stat = q.MetricStat as NonNullable<Query['MetricStat']>;
    const metric = findMetric(seed, stat.Metric.Namespace, stat.Metric.MetricName, stat.Metric.Dimensions ?? []);
    const points = (metric?.points ?? [])
      .filter((p) => p.t >= start && p.t < end && statValue(p, stat.Stat) !== undefined)
      .sort((a, b) => (descending ? b.t - a.t : a.t - b.t));
    return { q, stat: stat.Stat, points };
  });
  // Pagination by datapoints: the token is the index of the first point not yet sent.
  const limit = seed.maxDatapointsPerPage ?? 100_800;
  let skip = input['NextToken'] ? Number(input['NextToken']) : 0;
  let budget = limit;
  let sent = skip;
  const results = all.map(({ q, stat, points }) => {
    const fromHere = points.slice(Math.min(skip, points.length));
    skip = Math.max(0, skip - points.length);
    const page = fromHere.slice(0, budget);
    budget -= page.length;
    sent += page.length;
    return {
      Id: q.Id,
      Label: q.Label ?? stat,
      Timestamps: page.map((p) => p.t),
      Values: page.map((p) => statValue(p, stat) as number),
      StatusCode: 'Complete',
    };
  });
  const total = all.reduce((n, r) => n + r.points.length, 0);
  return { MetricDataResults: results, Messages: [], ...(sent < total ? { NextToken: String(sent) } : {}) };
}

/** GetMetricStatistics: one metric, several statistics, every datapoint of the window. */
export function getMetricStatistics(seed: FakeSeed, input: Json): Json {
  const start = seconds(input['StartTime'], 'StartTime');
  const end = seconds(input['EndTime'], 'EndTime');
  const metric = findMetric(seed, input['Namespace'], input['MetricName'], asDimensions(input['Dimensions']));
  const stats = (input['Statistics'] ?? []) as string[];
  const extended = (input['ExtendedStatistics'] ?? []) as string[];
  const datapoints = (metric?.points ?? []).filter((p) => p.t >= start && p.t < end).map((p) => {
    const dp: Json = { Timestamp: p.t, Unit: 'None' };
    for (const s of stats) if (statValue(p, s) !== undefined) dp[s] = statValue(p, s);
    if (extended.length) dp['ExtendedStatistics'] = Object.fromEntries(extended.map((s) => [s, statValue(p, s)]).filter(([, v]) => v !== undefined));
    return dp;
  });
  return { Label: String(input['MetricName'] ?? ''), Datapoints: datapoints };
}
