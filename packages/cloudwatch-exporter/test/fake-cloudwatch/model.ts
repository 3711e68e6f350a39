/** The fake's seeded world: metrics with datapoints, tagged resources, and the roles STS may assume. */

export interface FakeDimension {
  readonly Name: string;
  readonly Value: string;
}

/** One datapoint; `value` is every statistic's value, or one value per statistic (Sum, p99, …). */
export interface FakePoint {
  /** Epoch seconds. */
  readonly t: number;
  readonly value: number | Readonly<Record<string, number>>;
}

export interface FakeMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly FakeDimension[];
  readonly points: readonly FakePoint[];
}

export interface FakeResource {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface FakeSeed {
  readonly metrics?: readonly FakeMetric[];
  readonly resources?: readonly FakeResource[];
  /** Access key ids the fake accepts (besides the session keys STS hands out). */
  readonly accessKeys?: readonly string[];
  /** Role ARNs AssumeRole may assume; others answer AccessDenied. */
  readonly roles?: readonly string[];
  /** The account of the seeded access keys (STS GetCallerIdentity). Default 123456789012; a role's session is in the role's account. */
  readonly accountId?: string;
  /** What IAM ListAccountAliases answers (an account has at most one). Default none. */
  readonly accountAliases?: readonly string[];
  /** Lifetime of the session credentials AssumeRole hands out, in seconds. Default 3600. */
  readonly sessionSeconds?: number;
  /** ListMetrics page size (CloudWatch: 500). */
  readonly listMetricsPageSize?: number;
  /** GetResources page size (default 100). */
  readonly getResourcesPageSize?: number;
  /** Datapoints per GetMetricData page before a NextToken (CloudWatch: 100,800). */
  readonly maxDatapointsPerPage?: number;
}

/** Faults the tests inject, consumed in order by the next matching calls. */
export type FakeFault = (
  | { readonly kind: 'throttle' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'latency'; readonly ms: number }
  /** Holds the answer until `release` settles: lets a test keep a call in flight without sleeping. */
  | { readonly kind: 'hold'; readonly release: Promise<unknown> }
  | { readonly kind: 'access-denied' }
) & {
  /** Only calls whose input this accepts take the fault (e.g. one namespace's GetMetricData). */
  readonly when?: (input: Readonly<Record<string, unknown>>) => boolean;
};

/** One request the fake answered (the call log the tests count). */
export interface FakeCall {
  readonly service: 'cloudwatch' | 'tagging' | 'sts' | 'iam';
  readonly operation: string;
  readonly accessKeyId: string | undefined;
  readonly region: string | undefined;
  readonly input: Readonly<Record<string, unknown>>;
  /** HTTP status the fake answered with. */
  readonly status: number;
  /** The request headers that select the protocol (x-amz-target, content-type, x-amzn-query-mode). */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** Identity of a metric: namespace, name and its dimensions in any order. */
export function metricKey(namespace: unknown, metricName: unknown, dimensions: readonly FakeDimension[]): string {
  return `${String(namespace)}\u0000${String(metricName)}\u0000${dimensions.map((x) => `${x.Name}=${x.Value}`).sort().join(',')}`;
}

export function statValue(point: FakePoint, stat: string): number | undefined {
  return typeof point.value === 'number' ? point.value : point.value[stat];
}
