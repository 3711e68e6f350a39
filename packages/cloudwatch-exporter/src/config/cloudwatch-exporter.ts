import type { MetricRule, TagSelection } from '../rules.js';
import {
  asMap, checkKeys, fail, join, optionalBoolean, optionalInteger, optionalList, optionalString,
  optionalStringList, optionalStringListMap, requiredString, type YamlMap,
} from './fields.js';
import { compileConfigRegex } from './regex.js';
import { checkExtendedStatistic, checkStandardStatistic } from './statistics.js';
import { STANDARD_STATISTICS } from '../rules.js';

/** The defaults cloudwatch_exporter applies when a key is absent (CloudWatchCollector.loadConfig). */
export const CLOUDWATCH_EXPORTER_DEFAULTS = {
  period_seconds: 60,
  range_seconds: 600,
  delay_seconds: 600,
  set_timestamp: true,
  use_get_metric_data: false,
  list_metrics_cache_ttl: 0,
  warn_on_empty_list_dimensions: false,
} as const;

const PER_RULE_OVERRIDES = Object.keys(CLOUDWATCH_EXPORTER_DEFAULTS);
const TOP_LEVEL_KEYS = ['region', 'role_arn', 'metrics', ...PER_RULE_OVERRIDES];
const RULE_KEYS = [
  'aws_namespace', 'aws_metric_name', 'aws_dimensions', 'aws_dimension_select', 'aws_dimension_select_regex',
  'aws_statistics', 'aws_extended_statistics', 'aws_tag_select', 'help', ...PER_RULE_OVERRIDES,
];
const TAG_SELECT_KEYS = ['resource_type_selection', 'resource_id_dimension', 'tag_selections', 'arn_resource_id_regexp'];

/** cloudwatch_exporter's default: the last path segment, or what follows the first '/' of it. */
const DEFAULT_ARN_RESOURCE_ID_REGEXP = '(?:([^:/]+)|[^:/]+/([^:]+))$';

/** CloudWatch's longest period (one day); a longer one is an API error at every scrape. */
const MAX_PERIOD_SECONDS = 86_400;

interface Defaults {
  period_seconds: number;
  range_seconds: number;
  delay_seconds: number;
  set_timestamp: boolean;
  list_metrics_cache_ttl: number;
  warn_on_empty_list_dimensions: boolean;
}

function readOverrides(map: YamlMap, path: string, base: Defaults): Defaults {
  // use_get_metric_data is read and checked, but this exporter always uses GetMetricData.
  optionalBoolean(map, 'use_get_metric_data', path);
  return {
    period_seconds: optionalInteger(map, 'period_seconds', path, 1, MAX_PERIOD_SECONDS) ?? base.period_seconds,
    range_seconds: optionalInteger(map, 'range_seconds', path, 1) ?? base.range_seconds,
    delay_seconds: optionalInteger(map, 'delay_seconds', path, 0) ?? base.delay_seconds,
    set_timestamp: optionalBoolean(map, 'set_timestamp', path) ?? base.set_timestamp,
    list_metrics_cache_ttl: optionalInteger(map, 'list_metrics_cache_ttl', path, 0) ?? base.list_metrics_cache_ttl,
    warn_on_empty_list_dimensions: optionalBoolean(map, 'warn_on_empty_list_dimensions', path) ?? base.warn_on_empty_list_dimensions,
  };
}

/**
 * prometheus/cloudwatch_exporter's YAML (already parsed) → rules. Pure: no AWS, no files. Same keys
 * and defaults; stricter, because an unknown key or a bad value is an error naming its path
 * where cloudwatch_exporter ignores it or fails at scrape time.
 */
export function parseCloudWatchExporterConfig(doc: unknown): MetricRule[] {
  const top = asMap(doc ?? {}, '');
  checkKeys(top, TOP_LEVEL_KEYS, '');
  const region = optionalString(top, 'region', '');
  const roleArn = optionalString(top, 'role_arn', '');
  const defaults = readOverrides(top, '', { ...CLOUDWATCH_EXPORTER_DEFAULTS });
  const metrics = optionalList(top, 'metrics', '');
  if (metrics === undefined) fail('metrics', 'is required: list the CloudWatch metrics to export');
  return metrics.map((entry, index) => parseRule(entry, index, { region, roleArn }, defaults));
}

function parseRule(entry: unknown, index: number, scope: MetricRule['scope'], defaults: Defaults): MetricRule {
  const path = join('metrics', index);
  const map = asMap(entry, path);
  checkKeys(map, RULE_KEYS, path);
  const namespace = requiredString(map, 'aws_namespace', path);
  const metricName = requiredString(map, 'aws_metric_name', path);
  const dimensions = optionalStringList(map, 'aws_dimensions', path);
  if (map['aws_dimension_select'] != null && map['aws_dimension_select_regex'] != null) {
    fail(path, 'aws_dimension_select and aws_dimension_select_regex cannot be used together; keep one');
  }
  const dimensionSelect = optionalStringListMap(map, 'aws_dimension_select', path);
  const rawRegex = optionalStringListMap(map, 'aws_dimension_select_regex', path);
  const dimensionSelectRegex = rawRegex && new Map([...rawRegex].map(([dim, sources]) => [
    dim,
    sources.map((s, i) => compileConfigRegex(s, join(join(join(path, 'aws_dimension_select_regex'), dim), i), 'full')),
  ]));
  const overrides = readOverrides(map, path, defaults);
  return {
    index,
    scope,
    namespace,
    metricName,
    dimensions,
    dimensionSelect,
    dimensionSelectRegex,
    statistics: readStatistics(map, path),
    periodSeconds: overrides.period_seconds,
    rangeSeconds: overrides.range_seconds,
    delaySeconds: overrides.delay_seconds,
    setTimestamp: overrides.set_timestamp,
    listMetricsCacheTtlSeconds: overrides.list_metrics_cache_ttl,
    warnOnEmptyListDimensions: overrides.warn_on_empty_list_dimensions,
    // As cloudwatch_exporter: only windows shorter than 3 h restrict ListMetrics to recently active metrics.
    recentlyActiveOnly: overrides.range_seconds < 10_800,
    tagSelect: readTagSelect(map, path),
    help: optionalString(map, 'help', path),
    nilToZero: false,
    exportAllDataPoints: false,
    dimensionMatch: 'count',
    alignWindowToPeriod: false,
  };
}

function readStatistics(map: YamlMap, path: string): string[] {
  const standard = optionalStringList(map, 'aws_statistics', path);
  const extended = optionalStringList(map, 'aws_extended_statistics', path);
  const stats = [
    // Without either key, cloudwatch_exporter asks for all five standard statistics.
    ...(standard ?? (extended === undefined ? [...STANDARD_STATISTICS] : [])).map((s, i) => checkStandardStatistic(s, join(join(path, 'aws_statistics'), i))),
    ...(extended ?? []).map((s, i) => checkExtendedStatistic(s, join(join(path, 'aws_extended_statistics'), i))),
  ];
  if (stats.length === 0) fail(join(path, 'aws_statistics'), 'is empty: list at least one statistic, e.g. [Average]');
  return [...new Set(stats)];
}

function readTagSelect(rule: YamlMap, rulePath: string): TagSelection | undefined {
  if (rule['aws_tag_select'] == null) return undefined;
  const path = join(rulePath, 'aws_tag_select');
  const map = asMap(rule['aws_tag_select'], path);
  checkKeys(map, TAG_SELECT_KEYS, path);
  const arnSource = optionalString(map, 'arn_resource_id_regexp', path) ?? DEFAULT_ARN_RESOURCE_ID_REGEXP;
  return {
    resourceTypeSelection: requiredString(map, 'resource_type_selection', path),
    resourceIdDimension: requiredString(map, 'resource_id_dimension', path),
    tagSelections: optionalStringListMap(map, 'tag_selections', path),
    arnResourceIdRegexp: compileConfigRegex(arnSource, join(path, 'arn_resource_id_regexp'), 'search'),
  };
}
