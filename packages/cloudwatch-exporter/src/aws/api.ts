import {
  GetMetricDataCommand, ListMetricsCommand, type Metric, type MetricDataQuery, type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Logger } from '@scrapekit/exporter-kit';
import type { LimitFunction } from 'p-limit';
import type { ApiUsage, CloudWatchAction } from '../usage.js';
import { type BackoffClock, type BackoffPolicy, withBackoff } from './backoff.js';
import type { ScopeClients } from './clients.js';
import { awsErrorCode, describeAwsError, isRetryable } from './errors.js';

export interface ListMetricsRequest {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensionNames: readonly string[];
  readonly recentlyActive: boolean;
}

export interface GetMetricDataRequest {
  readonly namespace: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly queries: readonly MetricDataQuery[];
}

export interface TaggedResourcesRequest {
  readonly resourceTypes: readonly string[];
  readonly tagFilters: ReadonlyArray<{ readonly key: string; readonly values?: readonly string[] }>;
}

/** The account a scope's credentials belong to (YACE's account_id and account_alias labels). */
export interface AccountIdentity {
  readonly accountId: string;
  /** The account's alias; undefined when it has none or IAM would not say. */
  readonly alias: string | undefined;
}

export interface ApiCallSettings {
  readonly limit: LimitFunction;
  readonly backoff: BackoffPolicy;
  readonly clock: BackoffClock;
  readonly usage: ApiUsage;
  readonly logger: Logger;
}

/**
 * The three AWS operations the exporter uses, for one scope (region, role): every call paged to
 * the end, under the shared concurrency limit, retried with jittered backoff when throttled, and
 * counted in ApiUsage.
 */
export class ScopeApi {
  private accountId: Promise<string> | undefined;
  /** '' once IAM said the account has no alias. */
  private alias: string | undefined;
  private aliasFailed = false;

  constructor(private readonly clients: ScopeClients, private readonly settings: ApiCallSettings) {}

  private call<T>(action: string, send: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const { limit, backoff, clock, usage, logger } = this.settings;
    return withBackoff(
      () => limit(async () => {
        signal.throwIfAborted();
        try {
          return await send();
        } catch (err) {
          usage.recordError(action, awsErrorCode(err));
          throw err;
        }
      }),
      isRetryable,
      backoff,
      clock,
      signal,
      (err, delayMs) => logger.debug('retrying an AWS call', { action, err: describeAwsError(err), delay_ms: delayMs }),
    );
  }

  private count(action: CloudWatchAction, namespace: string): void {
    this.settings.usage.recordCloudWatchRequest(action, namespace);
  }

  async listMetrics(req: ListMetricsRequest, signal: AbortSignal): Promise<Metric[]> {
    const metrics: Metric[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.call('listMetrics', () => this.clients.cloudwatch.send(new ListMetricsCommand({
        Namespace: req.namespace,
        MetricName: req.metricName,
        Dimensions: req.dimensionNames.map((Name) => ({ Name })),
        ...(req.recentlyActive ? { RecentlyActive: 'PT3H' as const } : {}),
        ...(nextToken ? { NextToken: nextToken } : {}),
      }), { abortSignal: signal }), signal);
      this.count('listMetrics', req.namespace);
      metrics.push(...(page.Metrics ?? []));
      nextToken = page.NextToken || undefined;
    } while (nextToken);
    return metrics;
  }

  /** All pages of one GetMetricData call; results of the same query id across pages are concatenated. */
  async getMetricData(req: GetMetricDataRequest, signal: AbortSignal): Promise<Map<string, MetricDataResult>> {
    const results = new Map<string, MetricDataResult>();
    let nextToken: string | undefined;
    do {
      const page = await this.call('getMetricData', () => this.clients.cloudwatch.send(new GetMetricDataCommand({
        StartTime: req.startTime,
        EndTime: req.endTime,
        ScanBy: 'TimestampDescending',
        MetricDataQueries: [...req.queries],
        ...(nextToken ? { NextToken: nextToken } : {}),
      }), { abortSignal: signal }), signal);
      this.count('getMetricData', req.namespace);
      const perMetric = new Map<string, number>();
      for (const q of req.queries) {
        const name = q.MetricStat?.Metric?.MetricName ?? '';
        perMetric.set(name, (perMetric.get(name) ?? 0) + 1);
      }
      for (const [name, n] of perMetric) this.settings.usage.recordMetricsRequested(name, req.namespace, n);
      for (const r of page.MetricDataResults ?? []) {
        if (!r.Id) continue;
        const seen = results.get(r.Id);
        results.set(r.Id, seen ? {
          ...seen,
          Timestamps: [...(seen.Timestamps ?? []), ...(r.Timestamps ?? [])],
          Values: [...(seen.Values ?? []), ...(r.Values ?? [])],
          StatusCode: r.StatusCode ?? seen.StatusCode,
        } : r);
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken);
    return results;
  }

  /**
   * STS GetCallerIdentity and IAM ListAccountAliases, as YACE asks them for every job. The
   * account id is kept once known (credentials of one scope stay in one account); a failed alias
   * lookup is logged (a warning the first time) and asked again at the next collection.
   */
  async accountIdentity(signal: AbortSignal): Promise<AccountIdentity> {
    this.accountId ??= this.callerAccountId(signal).catch((err: unknown) => {
      this.accountId = undefined;
      throw err;
    });
    const accountId = await this.accountId;
    if (this.alias !== undefined) return { accountId, alias: this.alias || undefined };
    try {
      const { ListAccountAliasesCommand } = await import('@aws-sdk/client-iam');
      const iam = await this.clients.iam();
      const answer = await this.call('listAccountAliases', () => iam.send(new ListAccountAliasesCommand({}), { abortSignal: signal }), signal);
      this.alias = answer.AccountAliases?.[0] ?? '';
      return { accountId, alias: this.alias || undefined };
    } catch (err) {
      const level = this.aliasFailed ? 'debug' : 'warn';
      this.aliasFailed = true;
      this.settings.logger[level]('Failed to get the account alias; series go without account_alias', { account_id: accountId, err: describeAwsError(err) });
      return { accountId, alias: undefined };
    }
  }

  private async callerAccountId(signal: AbortSignal): Promise<string> {
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const sts = await this.clients.sts();
    const answer = await this.call('getCallerIdentity', () => sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }), signal);
    if (!answer.Account) throw new Error('STS GetCallerIdentity answered without an account id');
    return answer.Account;
  }

  async taggedResources(req: TaggedResourcesRequest, signal: AbortSignal): Promise<ResourceTagMapping[]> {
    const tagging = await this.clients.tagging();
    const { GetResourcesCommand } = await import('@aws-sdk/client-resource-groups-tagging-api');
    const resources: ResourceTagMapping[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('getResources', () => tagging.send(new GetResourcesCommand({
        ResourceTypeFilters: [...req.resourceTypes],
        TagFilters: req.tagFilters.map((f) => ({ Key: f.key, ...(f.values ? { Values: [...f.values] } : {}) })),
        ...(token ? { PaginationToken: token } : {}),
      }), { abortSignal: signal }), signal);
      this.settings.usage.recordTaggingRequest(req.resourceTypes.join(','));
      resources.push(...(page.ResourceTagMappingList ?? []));
      token = page.PaginationToken || undefined;
    } while (token);
    return resources;
  }
}
