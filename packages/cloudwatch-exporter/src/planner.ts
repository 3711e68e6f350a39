import type { AwsScope, Dimension, MetricRule } from './rules.js';

/** CloudWatch's limit of MetricDataQueries in one GetMetricData call. */
export const MAX_QUERIES_PER_CALL = 500;

/** A rule with the dimension sets discovery found for it. */
export interface RuleTargets {
  readonly rule: MetricRule;
  readonly dimensionSets: ReadonlyArray<readonly Dimension[]>;
}

/** One MetricDataQuery and what its answer belongs to. */
export interface PlannedQuery {
  /** Unique within its batch; CloudWatch wants a lowercase letter first. */
  readonly id: string;
  readonly rule: MetricRule;
  readonly statistic: string;
  readonly dimensions: readonly Dimension[];
}

/** One GetMetricData call: queries that share a scope, a namespace and a time window. */
export interface GetMetricDataBatch {
  readonly scope: AwsScope;
  readonly namespace: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly queries: readonly PlannedQuery[];
}

/**
 * cloudwatch_exporter's window: it ends `delay` before now and is `range` long. `nowMs` is the
 * collection's start (decoupled mode passes a period-aligned instant).
 */
export function queryWindow(
  rule: Pick<MetricRule, 'delaySeconds' | 'rangeSeconds'> & Partial<Pick<MetricRule, 'alignWindowToPeriod' | 'periodSeconds'>>,
  nowMs: number,
): { startTime: Date; endTime: Date } {
  // YACE rounds now down to the period, so consecutive windows line up with CloudWatch's buckets.
  const unit = rule.alignWindowToPeriod && rule.periodSeconds ? rule.periodSeconds * 1000 : 1000;
  const now = Math.floor(nowMs / unit) * unit;
  const end = now - rule.delaySeconds * 1000;
  return { startTime: new Date(end - rule.rangeSeconds * 1000), endTime: new Date(end) };
}

export function scopeKey(scope: AwsScope): string {
  return `${scope.region ?? ''}\u0000${scope.roleArn ?? ''}\u0000${scope.externalId ?? ''}`;
}

/**
 * Rules and their dimension sets → as few GetMetricData calls as CloudWatch allows: one query per
 * (statistic × dimension set), grouped by scope, namespace and window (a call has one
 * StartTime/EndTime; periods may differ per query), cut into calls of at most `maxQueriesPerCall`.
 * Pure: the same input gives the same plan.
 */
export function planGetMetricDataBatches(
  targets: readonly RuleTargets[],
  nowMs: number,
  maxQueriesPerCall = MAX_QUERIES_PER_CALL,
): GetMetricDataBatch[] {
  const groups = new Map<string, { scope: AwsScope; namespace: string; startTime: Date; endTime: Date; queries: Omit<PlannedQuery, 'id'>[] }>();
  for (const { rule, dimensionSets } of targets) {
    if (dimensionSets.length === 0) continue;
    const { startTime, endTime } = queryWindow(rule, nowMs);
    const key = `${scopeKey(rule.scope)}\u0000${rule.namespace}\u0000${startTime.getTime()}\u0000${endTime.getTime()}`;
    let group = groups.get(key);
    if (!group) {
      group = { scope: rule.scope, namespace: rule.namespace, startTime, endTime, queries: [] };
      groups.set(key, group);
    }
    // Statistic-major, as cloudwatch_exporter orders its queries.
    for (const statistic of rule.statistics) {
      for (const dimensions of dimensionSets) group.queries.push({ rule, statistic, dimensions });
    }
  }
  const batches: GetMetricDataBatch[] = [];
  for (const g of groups.values()) {
    for (let from = 0; from < g.queries.length; from += maxQueriesPerCall) {
      const slice = g.queries.slice(from, from + maxQueriesPerCall);
      batches.push({
        scope: g.scope,
        namespace: g.namespace,
        startTime: g.startTime,
        endTime: g.endTime,
        queries: slice.map((q, i) => ({ ...q, id: `q${i}` })),
      });
    }
  }
  return batches;
}

/** The MetricDataQuery the SDK sends for a planned query. */
export function toMetricDataQuery(q: PlannedQuery): {
  Id: string;
  ReturnData: boolean;
  MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string };
} {
  return {
    Id: q.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: q.rule.namespace,
        MetricName: q.rule.metricName,
        Dimensions: q.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      },
      Period: q.rule.periodSeconds,
      Stat: q.statistic,
    },
  };
}
