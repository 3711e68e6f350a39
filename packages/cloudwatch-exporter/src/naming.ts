import type { Dimension, MetricRule } from './rules.js';

/**
 * cloudwatch_exporter's names and labels (CloudWatchCollector.java): Java's
 * `replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase()` and its two sanitisers.
 */
export function toSnakeCase(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function safeName(s: string): string {
  return s.replace(/[^a-zA-Z0-9:_]/g, '_').replace(/__+/g, '_');
}

export function safeLabelName(s: string): string {
  return s.replace(/[^a-zA-Z0-9_]/g, '_').replace(/__+/g, '_');
}

const STATISTIC_SUFFIX: Readonly<Record<string, string>> = {
  Sum: '_sum', SampleCount: '_sample_count', Minimum: '_minimum', Maximum: '_maximum', Average: '_average',
};

/** DynamoDB metrics cloudwatch_exporter renames with `_index` when GlobalSecondaryIndexName is a dimension. */
const DYNAMODB_INDEX_METRICS = new Set([
  'ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'ProvisionedReadCapacityUnits',
  'ProvisionedWriteCapacityUnits', 'ReadThrottleEvents', 'WriteThrottleEvents',
]);

/** `aws_elb_request_count` for AWS/ELB RequestCount: the family name without the statistic. */
export function cloudWatchExporterBaseName(rule: Pick<MetricRule, 'namespace' | 'metricName' | 'dimensions'>): string {
  const base = safeName(`${rule.namespace.toLowerCase()}_${toSnakeCase(rule.metricName)}`);
  const indexed = rule.namespace === 'AWS/DynamoDB' && rule.dimensions?.includes('GlobalSecondaryIndexName') && DYNAMODB_INDEX_METRICS.has(rule.metricName);
  return indexed ? `${base}_index` : base;
}

/** `aws_elb_request_count_sum`, `aws_elb_latency_p99_99`. */
export function cloudWatchExporterMetricName(baseName: string, statistic: string): string {
  return baseName + (STATISTIC_SUFFIX[statistic] ?? `_${safeName(toSnakeCase(statistic))}`);
}

/** The `job` label cloudwatch_exporter puts on every sample: `aws_elb` for AWS/ELB. */
export function cloudWatchExporterJobLabel(namespace: string): string {
  return safeName(namespace.toLowerCase());
}

export function cloudWatchExporterDimensionLabel(dimension: string): string {
  return safeLabelName(toSnakeCase(dimension));
}

/** job, instance="" and one snake_cased label per dimension, in cloudwatch_exporter's order. */
export function cloudWatchExporterLabels(namespace: string, dimensions: readonly Dimension[]): Record<string, string> {
  const labels: Record<string, string> = { job: cloudWatchExporterJobLabel(namespace), instance: '' };
  for (const d of dimensions) labels[cloudWatchExporterDimensionLabel(d.name)] = d.value;
  return labels;
}

/** cloudwatch_exporter's HELP: Java's List.toString for the dimensions, N/A as the GetMetricData unit. */
export function cloudWatchExporterHelp(rule: Pick<MetricRule, 'namespace' | 'metricName' | 'dimensions' | 'help'>, statistic: string): string {
  if (rule.help !== undefined) return rule.help;
  const dims = rule.dimensions === undefined ? 'null' : `[${rule.dimensions.join(', ')}]`;
  return `CloudWatch metric ${rule.namespace} ${rule.metricName} Dimensions: ${dims} Statistic: ${statistic} Unit: N/A`;
}

/** `tag_<key>`: tag keys are sanitised but, as cloudwatch_exporter, not snake_cased (tags are case-sensitive). */
export function cloudWatchExporterTagLabel(key: string): string {
  return `tag_${safeLabelName(key)}`;
}
