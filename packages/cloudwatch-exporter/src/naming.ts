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

/** YACE's PromString: separators → `_`, `%` → `_percent`, `_` before an upper-case letter after a lower-case one or digit, lower-cased. */
export function yacePromString(text: string): string {
  let out = '';
  let prev = '';
  for (const c of text) {
    if (' ,\t/\\.-:=@<>()\u201c'.includes(c)) out += '_';
    else if (c === '%') out += '_percent';
    else {
      if (/\p{Lu}/u.test(c) && (/\p{Ll}/u.test(prev) || /\p{Nd}/u.test(prev))) out += '_';
      out += c.toLowerCase();
    }
    prev = c;
  }
  return out;
}

/** YACE's label sanitising (not snake-cased): `dimension_InstanceId`, `tag_Name`. */
export function yaceSanitize(text: string): string {
  return text.replace(/[ ,\t/\\.\-:=@<>()\u201c]/g, '_').replace(/%/g, '_percent');
}

/** YACE's BuildMetricName: `aws_ec2_cpuutilization_average`; without a statistic, `aws_ec2_info`. */
export function yaceMetricName(namespace: string, metricName: string, statistic: string): string {
  const promNs = yacePromString(namespace.replace(/^\//, '').toLowerCase());
  let name = promNs.startsWith('aws') ? promNs : `aws_${promNs}`;
  // Metric names that repeat the namespace as a prefix (Glue's glue.driver…) lose the repetition.
  let metric = yacePromString(metricName);
  let skip = 0;
  for (const part of promNs.split('_')) {
    if (metric.slice(skip).startsWith(part)) skip = part.length;
  }
  metric = metric.slice(skip).replace(/^_/, '');
  name += `_${metric}`;
  return statistic ? `${name}_${yacePromString(statistic)}` : name;
}
