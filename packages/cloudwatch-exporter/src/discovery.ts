import type { Metric } from '@aws-sdk/client-cloudwatch';
import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Logger } from '@scrapekit/exporter-kit';
import type { ScopeApi } from './aws/api.js';
import { scopeKey } from './planner.js';
import type { Dimension, MetricRule, TagSelection } from './rules.js';
import { ResourceAssociator } from './yace/association.js';
import { serviceFor } from './yace/services.js';

/** A tagged resource as the output needs it. */
export interface TaggedResource {
  readonly arn: string;
  readonly resourceId: string;
  readonly tags: ReadonlyArray<readonly [key: string, value: string]>;
}

export interface RuleDiscovery {
  readonly dimensionSets: Dimension[][];
  /** Resources found through aws_tag_select (empty without it). */
  readonly resources: TaggedResource[];
}

interface Cached<T> {
  readonly expiresAt: number;
  readonly value: Promise<T>;
}

/** cloudwatch_exporter's ARN → resource id: the first non-empty capture group of the first match. */
export function resourceIdFromArn(arn: string, pattern: RegExp): string {
  const m = pattern.exec(arn);
  if (!m) return arn;
  for (let i = 1; i < m.length; i++) if (m[i]) return m[i] as string;
  return m[0];
}

function toTaggedResource(arnResourceIdRegexp: RegExp | undefined): (m: ResourceTagMapping) => TaggedResource {
  return (m) => ({
    arn: m.ResourceARN ?? '',
    resourceId: arnResourceIdRegexp ? resourceIdFromArn(m.ResourceARN ?? '', arnResourceIdRegexp) : (m.ResourceARN ?? ''),
    tags: (m.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''] as const),
  });
}

/** Every combination of the selected values, in aws_dimensions order (no ListMetrics needed). */
export function permuteDimensions(names: readonly string[], values: ReadonlyMap<string, readonly string[]>): Dimension[][] {
  let out: Dimension[][] = [[]];
  for (const name of names) {
    const next: Dimension[][] = [];
    for (const prefix of out) for (const value of values.get(name) ?? []) next.push([...prefix, { name, value }]);
    out = next;
  }
  return out;
}

/** aws_dimension_select, aws_dimension_select_regex and the tag filter, as cloudwatch_exporter applies them. */
export function selectListedMetric(rule: MetricRule, dimensions: readonly Dimension[], taggedIds: ReadonlySet<string> | undefined): boolean {
  for (const { name, value } of dimensions) {
    const exact = rule.dimensionSelect?.get(name);
    if (exact && !exact.includes(value)) return false;
    const patterns = rule.dimensionSelectRegex?.get(name);
    if (patterns && !patterns.some((p) => p.test(value))) return false;
    if (taggedIds && rule.tagSelect?.resourceIdDimension === name && !taggedIds.has(value)) return false;
  }
  return true;
}

/**
 * Finds the dimension sets of each rule: from aws_dimension_select alone when it names every
 * dimension (no API call), else from ListMetrics; tagged resources from GetResources. Answers are
 * cached per list_metrics_cache_ttl, and identical requests in flight at once share one call.
 */
export class DimensionDiscovery {
  private readonly listings = new Map<string, Cached<Metric[]>>();
  private readonly tagged = new Map<string, Cached<ResourceTagMapping[]>>();

  constructor(private readonly now: () => number = Date.now) {}

  async discover(rule: MetricRule, api: ScopeApi, signal: AbortSignal, logger: Logger): Promise<RuleDiscovery> {
    if (rule.yace?.jobKind === 'discovery') return this.discoverYace(rule, api, signal);
    const resources = rule.tagSelect ? await this.taggedResources(rule, rule.tagSelect, api, signal) : [];
    const names = rule.dimensions;
    // cloudwatch_exporter without aws_dimensions: one query without dimensions, no ListMetrics.
    if (names === undefined && rule.dimensionMatch === 'count') return { dimensionSets: [[]], resources };
    const select = rule.dimensionSelect;
    if (names && names.length > 0 && select && !rule.tagSelect && select.size === names.length && names.every((n) => select.has(n))) {
      return { dimensionSets: permuteDimensions(names, select), resources };
    }
    const taggedIds = rule.tagSelect?.tagSelections ? new Set(resources.map((r) => r.resourceId)) : undefined;
    const dimensionSets = (await this.listedDimensions(rule, api, signal)).filter((dims) => selectListedMetric(rule, dims, taggedIds));
    if (rule.warnOnEmptyListDimensions && dimensionSets.length === 0) {
      logger.warn('ignoring metric due to dimensions mismatch', { namespace: rule.namespace, metric: rule.metricName });
    }
    return { dimensionSets, resources };
  }

  /** ListMetrics answers reduced to the dimension sets the rule's dimensionMatch keeps. */
  private async listedDimensions(rule: MetricRule, api: ScopeApi, signal: AbortSignal): Promise<Dimension[][]> {
    const names = rule.dimensions ?? [];
    const wanted = new Set(names);
    const out: Dimension[][] = [];
    for (const m of await this.listMetrics(rule, api, signal)) {
      const dims = (m.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' }));
      // ListMetrics also returns metrics with more dimensions than asked for: cloudwatch_exporter drops them.
      if (rule.dimensionMatch === 'count' && dims.length !== names.length) continue;
      if (rule.dimensionMatch === 'names' && (dims.length !== wanted.size || !dims.every((d) => wanted.has(d.name)))) continue;
      out.push(dims);
    }
    return out;
  }

  /**
   * A YACE discovery job: the namespace's resources (GetResources with its resource filters and
   * the searchTags keys; values matched here as regexes), then every listed metric associated
   * to one of them by its ARN-derived dimensions, or kept as global when none applies.
   */
  private async discoverYace(rule: MetricRule, api: ScopeApi, signal: AbortSignal): Promise<RuleDiscovery> {
    const service = serviceFor(rule.namespace);
    if (!service) return { dimensionSets: [], resources: [] };
    const searchTags = rule.yace?.searchTags ?? [];
    const key = [scopeKey(rule.scope), ...service.resourceFilters, ...searchTags.map((t) => t.key)].join('\u0000');
    const mappings = await this.cached(this.tagged, key, rule.listMetricsCacheTtlSeconds, () => api.taggedResources({
      resourceTypes: service.resourceFilters, tagFilters: searchTags.map((t) => ({ key: t.key })),
    }, signal));
    const resources = mappings.map(toTaggedResource(undefined)).filter((r) => searchTags.every((t) => r.tags.some(([k, v]) => k === t.key && t.value.test(v))));
    const associator = new ResourceAssociator(service, resources);
    const dimensionSets = (await this.listedDimensions(rule, api, signal)).filter((dims) => associator.associate(dims) !== 'skip');
    return { dimensionSets, resources };
  }

  private cached<T>(cache: Map<string, Cached<T>>, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    // TTL 0 still shares a call that is in flight; a failure is never cached.
    const entry = { expiresAt: ttlSeconds > 0 ? now + ttlSeconds * 1000 : Infinity, value };
    cache.set(key, entry);
    const forget = (): void => {
      if (cache.get(key) === entry) cache.delete(key);
    };
    value.then(() => { if (ttlSeconds <= 0) forget(); }, forget);
    return value;
  }

  private listMetrics(rule: MetricRule, api: ScopeApi, signal: AbortSignal): Promise<Metric[]> {
    const names = rule.dimensions ?? [];
    const key = [scopeKey(rule.scope), rule.namespace, rule.metricName, rule.recentlyActiveOnly, ...names].join('\u0000');
    return this.cached(this.listings, key, rule.listMetricsCacheTtlSeconds, () => api.listMetrics({
      namespace: rule.namespace, metricName: rule.metricName, dimensionNames: names, recentlyActive: rule.recentlyActiveOnly,
    }, signal));
  }

  private async taggedResources(rule: MetricRule, select: TagSelection, api: ScopeApi, signal: AbortSignal): Promise<TaggedResource[]> {
    const tagFilters = [...(select.tagSelections ?? new Map<string, readonly string[]>())].map(([key, values]) => ({ key, values }));
    const key = [scopeKey(rule.scope), select.resourceTypeSelection, JSON.stringify(tagFilters)].join('\u0000');
    const mappings = await this.cached(this.tagged, key, rule.listMetricsCacheTtlSeconds, () => api.taggedResources({ resourceTypes: [select.resourceTypeSelection], tagFilters }, signal));
    return mappings.map(toTaggedResource(select.arnResourceIdRegexp));
  }

  /** Drops every cached answer (a reload may change what the rules ask for). */
  clear(): void {
    this.listings.clear();
    this.tagged.clear();
  }
}
