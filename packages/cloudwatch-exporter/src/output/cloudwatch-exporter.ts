import type { MetricFamily, MetricSink, Sample } from '@scrapekit/exporter-kit';
import type { Collection } from '../collection.js';
import {
  cloudWatchExporterBaseName, cloudWatchExporterDimensionLabel, cloudWatchExporterHelp, cloudWatchExporterJobLabel,
  cloudWatchExporterLabels, cloudWatchExporterMetricName, cloudWatchExporterTagLabel,
} from '../naming.js';
import type { MetricRule } from '../rules.js';

/**
 * A collection in cloudwatch_exporter's shape: one gauge family per rule and statistic
 * (`aws_elb_request_count_sum{job="aws_elb",instance="",load_balancer_name="a"}`), the datapoint's
 * timestamp when set_timestamp is on, and aws_resource_info for tag-selected resources.
 */
export function writeCloudWatchExporterMetrics(collection: Collection, rules: readonly MetricRule[], out: MetricSink): void {
  const families = new Map<string, MetricFamily>();
  const familyFor = (rule: MetricRule, statistic: string): MetricFamily => {
    const name = cloudWatchExporterMetricName(cloudWatchExporterBaseName(rule), statistic);
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, help: cloudWatchExporterHelp(rule, statistic), type: 'gauge', samples: [] }));
    return f;
  };
  // Families in rule order, statistics in the rule's order, as cloudwatch_exporter lists them.
  for (const rule of rules) for (const stat of rule.statistics) familyFor(rule, stat);
  for (const { query, value, timestampMs } of collection.datapoints) {
    const sample: Sample = {
      suffix: '',
      labels: cloudWatchExporterLabels(query.rule.namespace, query.dimensions),
      value,
      ...(query.rule.setTimestamp ? { timestampMs } : {}),
    };
    familyFor(query.rule, query.statistic).samples.push(sample);
  }
  for (const f of families.values()) if (f.samples.length > 0) out.addFamily(f);
  writeResourceInfo(collection, rules, out);
}

function writeResourceInfo(collection: Collection, rules: readonly MetricRule[], out: MetricSink): void {
  const published = new Set<string>();
  for (const rule of rules) {
    const resources = collection.resources.get(rule.index);
    if (!resources || !rule.tagSelect) continue;
    for (const r of resources) {
      if (published.has(r.arn)) continue;
      published.add(r.arn);
      const labels: Record<string, string> = {
        job: cloudWatchExporterJobLabel(rule.namespace),
        instance: '',
        arn: r.arn,
        [cloudWatchExporterDimensionLabel(rule.tagSelect.resourceIdDimension)]: r.resourceId,
      };
      for (const [key, value] of r.tags) labels[cloudWatchExporterTagLabel(key)] = value;
      out.gauge('aws_resource_info', 'AWS information available for resource', 1, labels);
    }
  }
}

/** cloudwatch_exporter's scrape gauges plus our per-rule success gauge. */
export function writeCollectionHealth(collection: Collection | undefined, rules: readonly MetricRule[], out: MetricSink): void {
  const failed = collection === undefined || [...collection.ruleSucceeded.values()].some((ok) => !ok);
  out.gauge('cloudwatch_exporter_scrape_duration_seconds', 'Time this CloudWatch scrape took, in seconds.', collection?.durationSeconds ?? 0);
  out.gauge('cloudwatch_exporter_scrape_error', 'Non-zero if this scrape failed.', failed ? 1 : 0);
  for (const rule of rules) {
    out.gauge('cloudwatch_exporter_rule_success', 'Whether every AWS call of this rule (metrics[rule_index]) succeeded in the last collection.',
      collection?.ruleSucceeded.get(rule.index) ? 1 : 0,
      { rule_index: String(rule.index), namespace: rule.namespace, metric_name: rule.metricName });
  }
}
