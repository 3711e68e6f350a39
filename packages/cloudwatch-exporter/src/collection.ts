import type { MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { Logger } from '@scrapekit/exporter-kit';
import type { AccountIdentity, ScopeApi } from './aws/api.js';
import { describeAwsError } from './aws/errors.js';
import type { DimensionDiscovery, TaggedResource } from './discovery.js';
import { type GetMetricDataBatch, type PlannedQuery, type RuleTargets, planGetMetricDataBatches, scopeKey, toMetricDataQuery } from './planner.js';
import type { AwsScope, MetricRule } from './rules.js';

/** A datapoint of one query: its newest, or with exportAllDataPoints each of the window, oldest first. */
export interface Datapoint {
  readonly query: PlannedQuery;
  readonly value: number;
  readonly timestampMs: number;
}

/** One collection: every rule's values, what failed, and how long it took. */
export interface Collection {
  /** Epoch ms the windows were computed from. */
  readonly nowMs: number;
  readonly durationSeconds: number;
  readonly datapoints: readonly Datapoint[];
  /** rule index → whether discovery and every GetMetricData call of the rule succeeded. */
  readonly ruleSucceeded: ReadonlyMap<number, boolean>;
  /** rule index → resources found through aws_tag_select. */
  readonly resources: ReadonlyMap<number, readonly TaggedResource[]>;
  /** Queries that came back with no datapoint (CloudWatch had none in the window). */
  readonly emptyQueries: readonly PlannedQuery[];
  /** scopeKey → the account of YACE rules' scopes (account_id, account_alias labels). */
  readonly accounts: ReadonlyMap<string, AccountIdentity>;
}

export interface CollectionContext {
  readonly rules: readonly MetricRule[];
  readonly apiFor: (scope: AwsScope) => Promise<ScopeApi>;
  readonly discovery: DimensionDiscovery;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly nowMs: number;
  readonly maxQueriesPerCall?: number;
}

/** Failures are grouped by cause so a missing credential is one log line, not one per rule. */
class FailureLog {
  private readonly causes = new Map<string, Set<number>>();

  add(err: unknown, rules: Iterable<MetricRule>): void {
    const cause = describeAwsError(err);
    let set = this.causes.get(cause);
    if (!set) this.causes.set(cause, (set = new Set()));
    for (const r of rules) set.add(r.index);
  }

  flush(logger: Logger): void {
    for (const [cause, rules] of this.causes) {
      logger.error('CloudWatch collection failed', { err: cause, rules: [...rules].sort((a, b) => a - b).join(',') });
    }
  }
}

/** The newest datapoint of a result (ScanBy=TimestampDescending puts it first; pages are merged). */
export function newestDatapoint(result: MetricDataResult | undefined): { value: number; timestampMs: number } | undefined {
  const ts = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  let best = -1;
  for (let i = 0; i < Math.min(ts.length, values.length); i++) {
    if (best < 0 || (ts[i] as Date).getTime() > (ts[best] as Date).getTime()) best = i;
  }
  return best < 0 ? undefined : { value: values[best] as number, timestampMs: (ts[best] as Date).getTime() };
}

/**
 * Every datapoint of a result, oldest first: the samples of one series must ascend in time in an
 * exposition (YACE's client_golang sorts them so, although CloudWatch answers newest first).
 */
export function datapointsOldestFirst(result: MetricDataResult | undefined): Array<{ value: number; timestampMs: number }> {
  const ts = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  const out: Array<{ value: number; timestampMs: number }> = [];
  for (let i = 0; i < Math.min(ts.length, values.length); i++) out.push({ value: values[i] as number, timestampMs: (ts[i] as Date).getTime() });
  return out.sort((a, b) => a.timestampMs - b.timestampMs);
}

/** What a query exports: its newest datapoint, or with exportAllDataPoints every one, oldest first. */
function exportedDatapoints(rule: MetricRule, result: MetricDataResult | undefined): Array<{ value: number; timestampMs: number }> {
  if (rule.exportAllDataPoints) return datapointsOldestFirst(result);
  const newest = newestDatapoint(result);
  return newest ? [newest] : [];
}

/**
 * Discovery for every rule, then the planned GetMetricData calls, all concurrently under the API
 * limit. A rule whose discovery or one of whose calls fails is marked failed; the others are
 * served. Never throws for AWS errors.
 */
export async function runCollection(ctx: CollectionContext): Promise<Collection> {
  const started = performance.now();
  const failures = new FailureLog();
  const ruleSucceeded = new Map<number, boolean>(ctx.rules.map((r) => [r.index, true]));
  const resources = new Map<number, readonly TaggedResource[]>();

  // YACE labels every series with its account: asked once per scope, before discovery; a scope
  // whose account cannot be told is skipped, as YACE skips the job ("Couldn't get account Id").
  const accounts = new Map<string, AccountIdentity>();
  const accountless = new Set<string>();
  const yaceScopes = new Map(ctx.rules.filter((r) => r.yace).map((r) => [scopeKey(r.scope), r.scope]));
  await Promise.all([...yaceScopes].map(async ([key, scope]) => {
    try {
      accounts.set(key, await (await ctx.apiFor(scope)).accountIdentity(ctx.signal));
    } catch (err) {
      accountless.add(key);
      const rules = ctx.rules.filter((r) => r.yace && scopeKey(r.scope) === key);
      for (const r of rules) ruleSucceeded.set(r.index, false);
      failures.add(err, rules);
    }
  }));

  const discovered = await Promise.all(ctx.rules.map(async (rule): Promise<RuleTargets | undefined> => {
    if (rule.yace && accountless.has(scopeKey(rule.scope))) return undefined;
    try {
      const found = await ctx.discovery.discover(rule, await ctx.apiFor(rule.scope), ctx.signal, ctx.logger);
      if (found.resources.length > 0) resources.set(rule.index, found.resources);
      return { rule, dimensionSets: found.dimensionSets };
    } catch (err) {
      ruleSucceeded.set(rule.index, false);
      failures.add(err, [rule]);
      return undefined;
    }
  }));

  const batches = planGetMetricDataBatches(discovered.filter((t): t is RuleTargets => t !== undefined), ctx.nowMs, ctx.maxQueriesPerCall);
  const datapoints: Datapoint[] = [];
  const emptyQueries: PlannedQuery[] = [];
  await Promise.all(batches.map(async (batch: GetMetricDataBatch) => {
    try {
      const results = await (await ctx.apiFor(batch.scope)).getMetricData({
        namespace: batch.namespace,
        startTime: batch.startTime,
        endTime: batch.endTime,
        queries: batch.queries.map(toMetricDataQuery),
      }, ctx.signal);
      for (const query of batch.queries) {
        const result = results.get(query.id);
        if (result?.StatusCode === 'Forbidden' || result?.StatusCode === 'InternalError') {
          ruleSucceeded.set(query.rule.index, false);
          failures.add(new Error(`GetMetricData answered ${result.StatusCode} for ${query.rule.namespace} ${query.rule.metricName}`), [query.rule]);
          continue;
        }
        const found = exportedDatapoints(query.rule, result);
        if (found.length === 0) emptyQueries.push(query);
        for (const d of found) datapoints.push({ query, ...d });
      }
    } catch (err) {
      const rules = new Set(batch.queries.map((q) => q.rule));
      for (const r of rules) ruleSucceeded.set(r.index, false);
      failures.add(err, rules);
    }
  }));

  failures.flush(ctx.logger);
  return {
    nowMs: ctx.nowMs,
    durationSeconds: (performance.now() - started) / 1000,
    datapoints,
    ruleSucceeded,
    resources,
    emptyQueries,
    accounts,
  };
}
