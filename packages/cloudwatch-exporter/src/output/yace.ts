import type { MetricSink } from '@scrapekit/exporter-kit';
import type { Collection, Datapoint } from '../collection.js';
import type { TaggedResource } from '../discovery.js';
import { yaceMetricName, yaceSanitize } from '../naming.js';
import { scopeKey } from '../planner.js';
import type { Dimension, MetricRule } from '../rules.js';
import { ResourceAssociator } from '../yace/association.js';
import { serviceFor } from '../yace/services.js';

interface Series {
  readonly labels: Record<string, string>;
  readonly value: number;
  readonly timestampMs: number | undefined;
}

const HELP = 'Help is not implemented yet.';

/** The `name` label: the resource ARN, "global", or the static/customNamespace job's name. */
function nameLabel(rule: MetricRule, resource: TaggedResource | 'global' | 'skip' | undefined): string {
  if (rule.yace?.jobName) return rule.yace.jobName;
  return resource && typeof resource === 'object' ? resource.arn : 'global';
}

/** region, account_id, account_alias (when the account has one) and custom_tag_<key>: the job's context. */
function contextLabels(rule: MetricRule, collection: Collection, labels: Record<string, string>): void {
  labels['region'] = rule.scope.region ?? '';
  const account = collection.accounts.get(scopeKey(rule.scope));
  if (account) {
    labels['account_id'] = account.accountId;
    if (account.alias) labels['account_alias'] = account.alias;
  }
  for (const [k, v] of rule.yace?.customTags ?? []) labels[`custom_tag_${yaceSanitize(k)}`] = v;
}

function seriesLabels(rule: MetricRule, collection: Collection, dimensions: readonly Dimension[], resource: TaggedResource | 'global' | 'skip' | undefined): Record<string, string> {
  const labels: Record<string, string> = { name: nameLabel(rule, resource) };
  for (const d of dimensions) labels[`dimension_${yaceSanitize(d.name)}`] = d.value;
  const tags = resource && typeof resource === 'object' ? new Map(resource.tags) : new Map<string, string>();
  // Missing tags are exported as "", so every series of a metric has the same label names.
  for (const key of rule.yace?.exportedTags ?? []) labels[`tag_${yaceSanitize(key)}`] = tags.get(key) ?? '';
  contextLabels(rule, collection, labels);
  return labels;
}

/**
 * A collection in YACE's shape: `aws_<service>_<metric>_<statistic>` gauges with `name`,
 * `dimension_<Dim>`, `tag_<Key>`, `region`, `account_id`, `account_alias` and `custom_tag_<key>` labels (the union of label
 * names per metric, missing ones ""), NaN for a missing datapoint (0 with nilToZero, none with
 * addCloudwatchTimestamp), and `aws_<service>_info` (value 0) per discovered resource. With
 * exportAllDataPoints a series has one sample per datapoint, oldest first, as the collection
 * lists them (the kit keeps a series' repeats when their timestamps ascend).
 */
export function writeYaceMetrics(collection: Collection, rules: readonly MetricRule[], out: MetricSink): void {
  const associators = new Map<number, ResourceAssociator>();
  const resourceOf = (rule: MetricRule, dims: readonly Dimension[]): TaggedResource | 'global' | 'skip' | undefined => {
    if (rule.yace?.jobKind !== 'discovery') return undefined;
    let a = associators.get(rule.index);
    const service = serviceFor(rule.namespace);
    if (!a && service) associators.set(rule.index, (a = new ResourceAssociator(service, collection.resources.get(rule.index) ?? [])));
    return a?.associate(dims);
  };
  const byName = new Map<string, Series[]>();
  const add = (rule: MetricRule, statistic: string, dims: readonly Dimension[], value: number, timestampMs: number | undefined): void => {
    const name = yaceMetricName(rule.namespace, rule.metricName, statistic);
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push({ labels: seriesLabels(rule, collection, dims, resourceOf(rule, dims)), value, timestampMs });
  };
  for (const d of collection.datapoints) addDatapoint(d);
  function addDatapoint({ query, value, timestampMs }: Datapoint): void {
    add(query.rule, query.statistic, query.dimensions, value, query.rule.setTimestamp ? timestampMs : undefined);
  }
  for (const q of collection.emptyQueries) {
    if (q.rule.setTimestamp) continue;
    add(q.rule, q.statistic, q.dimensions, q.rule.nilToZero ? 0 : NaN, undefined);
  }
  for (const [name, series] of byName) {
    const labelNames = new Set(series.flatMap((s) => Object.keys(s.labels)));
    for (const s of series) {
      const labels: Record<string, string> = {};
      for (const l of labelNames) labels[l] = s.labels[l] ?? '';
      out.addFamily({ name, help: HELP, type: 'gauge', samples: [{ suffix: '', labels, value: s.value, ...(s.timestampMs === undefined ? {} : { timestampMs: s.timestampMs }) }] });
    }
  }
  writeInfoMetrics(collection, rules, out);
}

function writeInfoMetrics(collection: Collection, rules: readonly MetricRule[], out: MetricSink): void {
  const seen = new Set<string>();
  const byName = new Map<string, Array<Record<string, string>>>();
  for (const rule of rules) {
    if (rule.yace?.jobKind !== 'discovery') continue;
    for (const r of collection.resources.get(rule.index) ?? []) {
      const name = yaceMetricName(rule.namespace, 'info', '');
      if (seen.has(`${name}\u0000${r.arn}`)) continue;
      seen.add(`${name}\u0000${r.arn}`);
      const labels: Record<string, string> = { name: r.arn };
      for (const [k, v] of r.tags) labels[`tag_${yaceSanitize(k)}`] = v;
      if (rule.yace.includeContextOnInfoMetrics) contextLabels(rule, collection, labels);
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(labels);
    }
  }
  for (const [name, list] of byName) {
    const labelNames = new Set(list.flatMap((l) => Object.keys(l)));
    for (const l of list) {
      const labels: Record<string, string> = {};
      for (const n of labelNames) labels[n] = l[n] ?? '';
      out.gauge(name, HELP, 0, labels);
    }
  }
}
