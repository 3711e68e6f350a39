import type { MetricRule, YaceRuleContext } from '../rules.js';
import { serviceFor, SUPPORTED_SERVICES } from '../yace/services.js';
import {
  asMap, checkKeys, fail, join, optionalBoolean, optionalInteger, optionalList, optionalString, optionalStringList,
  requiredString, type YamlMap,
} from './fields.js';
import { compileConfigRegex } from './regex.js';
import { checkExtendedStatistic, checkStandardStatistic, isExtendedStatistic } from './statistics.js';

/** YACE's defaults (pkg/config/config.go validateMetric). */
const YACE_DEFAULTS = { period: 300, length: 300, delay: 0 } as const;

const METRIC_FIELDS = ['statistics', 'period', 'length', 'delay', 'nilToZero', 'addCloudwatchTimestamp', 'exportAllDataPoints'];
const TOP_KEYS = ['apiVersion', 'sts-region', 'discovery', 'static', 'customNamespace'];
const DISCOVERY_KEYS = ['exportedTagsOnMetrics', 'jobs'];
const DISCOVERY_JOB_KEYS = ['regions', 'type', 'roles', 'searchTags', 'customTags', 'dimensionNameRequirements', 'roundingPeriod',
  'recentlyActiveOnly', 'includeContextOnInfoMetrics', 'enhancedMetrics', 'metrics', ...METRIC_FIELDS];
const STATIC_JOB_KEYS = ['name', 'namespace', 'regions', 'roles', 'customTags', 'dimensions', 'metrics'];
const CUSTOM_JOB_KEYS = ['name', 'namespace', 'regions', 'roles', 'customTags', 'dimensionNameRequirements', 'roundingPeriod',
  'recentlyActiveOnly', 'metrics', ...METRIC_FIELDS];
const METRIC_KEYS = ['name', ...METRIC_FIELDS];

interface MetricSettings {
  statistics: string[] | undefined;
  period: number | undefined;
  length: number | undefined;
  delay: number | undefined;
  nilToZero: boolean | undefined;
  addCloudwatchTimestamp: boolean | undefined;
  exportAllDataPoints: boolean | undefined;
}

interface Role {
  readonly roleArn: string | undefined;
  readonly externalId: string | undefined;
}

function readStatistics(map: YamlMap, path: string): string[] | undefined {
  const stats = optionalStringList(map, 'statistics', path);
  return stats?.map((s, i) => {
    const p = join(join(path, 'statistics'), i);
    return isExtendedStatistic(s) ? checkExtendedStatistic(s, p) : checkStandardStatistic(s, p);
  });
}

function readSettings(map: YamlMap, path: string): MetricSettings {
  return {
    statistics: readStatistics(map, path),
    period: optionalInteger(map, 'period', path, 1, 86_400),
    length: optionalInteger(map, 'length', path, 1),
    delay: optionalInteger(map, 'delay', path, 0),
    nilToZero: optionalBoolean(map, 'nilToZero', path),
    addCloudwatchTimestamp: optionalBoolean(map, 'addCloudwatchTimestamp', path),
    exportAllDataPoints: optionalBoolean(map, 'exportAllDataPoints', path),
  };
}

/**
 * As YACE (validateMetric): older datapoints make sense only with their CloudWatch timestamps, so
 * exportAllDataPoints, from the metric or its job, needs addCloudwatchTimestamp on that metric.
 * The error names the key the user has to change.
 */
function checkExportAllDataPoints(own: MetricSettings, job: MetricSettings, metricPath: string, jobPath: string): boolean {
  const exportAll = own.exportAllDataPoints ?? job.exportAllDataPoints ?? false;
  if (!exportAll || (own.addCloudwatchTimestamp ?? job.addCloudwatchTimestamp ?? false)) return exportAll;
  if (own.exportAllDataPoints === undefined && own.addCloudwatchTimestamp === false) {
    fail(join(metricPath, 'addCloudwatchTimestamp'), "is false, but the job's exportAllDataPoints needs it true; set it true, or exportAllDataPoints: false on this metric");
  }
  fail(join(own.exportAllDataPoints === undefined ? jobPath : metricPath, 'exportAllDataPoints'),
    'needs addCloudwatchTimestamp: true (each datapoint is exported with its CloudWatch timestamp); set addCloudwatchTimestamp: true beside it, or remove exportAllDataPoints');
}

function readRoles(job: YamlMap, path: string): Role[] {
  const list = optionalList(job, 'roles', path);
  if (!list || list.length === 0) return [{ roleArn: undefined, externalId: undefined }];
  return list.map((entry, i) => {
    const p = join(join(path, 'roles'), i);
    const m = asMap(entry, p);
    checkKeys(m, ['roleArn', 'externalId'], p);
    const roleArn = optionalString(m, 'roleArn', p);
    const externalId = optionalString(m, 'externalId', p);
    if (externalId && !roleArn) fail(join(p, 'externalId'), 'needs a roleArn beside it');
    return { roleArn, externalId };
  });
}

function readKeyValues(job: YamlMap, key: string, path: string): Array<[string, string]> {
  return (optionalList(job, key, path) ?? []).map((entry, i) => {
    const p = join(join(path, key), i);
    const m = asMap(entry, p);
    checkKeys(m, ['key', 'value'], p);
    return [requiredString(m, 'key', p), String(m['value'] ?? '')];
  });
}

function requiredRegions(job: YamlMap, path: string): string[] {
  const regions = optionalStringList(job, 'regions', path);
  if (!regions || regions.length === 0) fail(join(path, 'regions'), 'is required: list at least one region');
  return regions;
}

interface JobShape {
  readonly path: string;
  readonly namespace: string;
  readonly regions: readonly string[];
  readonly roles: readonly Role[];
  readonly jobSettings: MetricSettings;
  readonly context: YaceRuleContext;
  readonly dimensionNames: readonly string[] | undefined;
  readonly dimensionMatch: MetricRule['dimensionMatch'];
  readonly staticValues?: ReadonlyMap<string, readonly string[]>;
  readonly recentlyActiveOnly: boolean;
}

/** One rule per (region × role × metric) of a job. */
function jobRules(job: JobShape, metrics: readonly unknown[], firstIndex: number): MetricRule[] {
  const rules: MetricRule[] = [];
  metrics.forEach((entry, i) => {
    const p = join(join(job.path, 'metrics'), i);
    const m = asMap(entry, p);
    checkKeys(m, METRIC_KEYS, p);
    const name = requiredString(m, 'name', p);
    const own = readSettings(m, p);
    const statistics = own.statistics ?? job.jobSettings.statistics;
    if (!statistics || statistics.length === 0) fail(join(p, 'statistics'), 'is required here or on the job, e.g. [Average]');
    const period = own.period ?? job.jobSettings.period ?? YACE_DEFAULTS.period;
    const length = own.length ?? job.jobSettings.length ?? YACE_DEFAULTS.length;
    if (length < period) fail(join(p, 'length'), `${length} is shorter than the period ${period}; make length at least the period`);
    const exportAllDataPoints = checkExportAllDataPoints(own, job.jobSettings, p, job.path);
    for (const region of job.regions) {
      for (const role of job.roles) {
        rules.push({
          index: firstIndex + rules.length,
          scope: { region, roleArn: role.roleArn, ...(role.externalId ? { externalId: role.externalId } : {}) },
          namespace: job.namespace,
          metricName: name,
          dimensions: job.dimensionNames,
          dimensionSelect: job.staticValues,
          dimensionSelectRegex: undefined,
          statistics: [...new Set(statistics)],
          periodSeconds: period,
          rangeSeconds: length,
          // As YACE: only the job's delay counts (a metric-level delay is deprecated and ignored).
          delaySeconds: job.jobSettings.delay ?? YACE_DEFAULTS.delay,
          setTimestamp: own.addCloudwatchTimestamp ?? job.jobSettings.addCloudwatchTimestamp ?? false,
          listMetricsCacheTtlSeconds: 0,
          warnOnEmptyListDimensions: false,
          recentlyActiveOnly: job.recentlyActiveOnly,
          tagSelect: undefined,
          help: 'Help is not implemented yet.',
          nilToZero: own.nilToZero ?? job.jobSettings.nilToZero ?? false,
          exportAllDataPoints,
          dimensionMatch: job.dimensionMatch,
          alignWindowToPeriod: true,
          yace: job.context,
        });
      }
    }
  });
  return rules;
}

function requiredMetrics(job: YamlMap, path: string): readonly unknown[] {
  const metrics = optionalList(job, 'metrics', path);
  if (!metrics || metrics.length === 0) fail(join(path, 'metrics'), 'is required: list the metrics of this job');
  return metrics;
}

/**
 * YACE's YAML (apiVersion v1alpha1) → the same rules cloudwatch_exporter's config compiles to.
 * Pure. Supports discovery jobs for the namespaces in yace/services.ts, static and
 * customNamespace jobs; unknown keys are errors (YACE only warns).
 */
export function parseYaceConfig(doc: unknown): MetricRule[] {
  const top = asMap(doc ?? {}, '');
  checkKeys(top, TOP_KEYS, '');
  const apiVersion = optionalString(top, 'apiVersion', '');
  if (apiVersion !== undefined && apiVersion !== 'v1alpha1') fail('apiVersion', `${JSON.stringify(apiVersion)} is not supported; use v1alpha1`);
  const rules: MetricRule[] = [];
  const discovery = top['discovery'] == null ? undefined : asMap(top['discovery'], 'discovery');
  if (discovery) {
    checkKeys(discovery, DISCOVERY_KEYS, 'discovery');
    const exported = new Map<string, string[]>();
    if (discovery['exportedTagsOnMetrics'] != null) {
      const m = asMap(discovery['exportedTagsOnMetrics'], 'discovery.exportedTagsOnMetrics');
      for (const [ns, keys] of Object.entries(m)) {
        const p = join('discovery.exportedTagsOnMetrics', ns);
        if (!Array.isArray(keys)) fail(p, 'must be a list of tag keys');
        exported.set(ns, keys.map(String));
      }
    }
    (optionalList(discovery, 'jobs', 'discovery') ?? []).forEach((entry, i) => {
      const path = join('discovery.jobs', i);
      const job = asMap(entry, path);
      checkKeys(job, DISCOVERY_JOB_KEYS, path);
      if (job['enhancedMetrics'] != null) fail(join(path, 'enhancedMetrics'), 'is not supported yet');
      const namespace = requiredString(job, 'type', path);
      if (!serviceFor(namespace)) {
        fail(join(path, 'type'), `${JSON.stringify(namespace)} is not a supported discovery namespace; use one of ${SUPPORTED_SERVICES.map((s) => s.namespace).join(', ')}, or a customNamespace job`);
      }
      const dimensionNames = optionalStringList(job, 'dimensionNameRequirements', path);
      const searchTags = readKeyValues(job, 'searchTags', path).map(([key, value], t) => ({
        key, value: compileConfigRegex(value, join(join(join(path, 'searchTags'), t), 'value'), 'search'),
      }));
      rules.push(...jobRules({
        path, namespace, regions: requiredRegions(job, path), roles: readRoles(job, path), jobSettings: readSettings(job, path),
        context: {
          jobKind: 'discovery', jobName: undefined, customTags: readKeyValues(job, 'customTags', path), exportedTags: exported.get(namespace) ?? [], searchTags,
          includeContextOnInfoMetrics: optionalBoolean(job, 'includeContextOnInfoMetrics', path) ?? false,
        },
        dimensionNames, dimensionMatch: dimensionNames ? 'names' : 'any',
        recentlyActiveOnly: optionalBoolean(job, 'recentlyActiveOnly', path) ?? false,
      }, requiredMetrics(job, path), rules.length));
    });
  }
  (optionalList(top, 'static', '') ?? []).forEach((entry, i) => {
    const path = join('static', i);
    const job = asMap(entry, path);
    checkKeys(job, STATIC_JOB_KEYS, path);
    const dims = (optionalList(job, 'dimensions', path) ?? []).map((d, k) => {
      const p = join(join(path, 'dimensions'), k);
      const m = asMap(d, p);
      checkKeys(m, ['name', 'value'], p);
      return [requiredString(m, 'name', p), requiredString(m, 'value', p)] as const;
    });
    rules.push(...jobRules({
      path, namespace: requiredString(job, 'namespace', path), regions: requiredRegions(job, path), roles: readRoles(job, path),
      jobSettings: { statistics: undefined, period: undefined, length: undefined, delay: undefined, nilToZero: undefined, addCloudwatchTimestamp: undefined, exportAllDataPoints: undefined },
      context: { jobKind: 'static', jobName: requiredString(job, 'name', path), customTags: readKeyValues(job, 'customTags', path), exportedTags: [], searchTags: [], includeContextOnInfoMetrics: false },
      dimensionNames: dims.map(([n]) => n), dimensionMatch: 'count', staticValues: new Map(dims.map(([n, v]) => [n, [v]])),
      recentlyActiveOnly: false,
    }, requiredMetrics(job, path), rules.length));
  });
  (optionalList(top, 'customNamespace', '') ?? []).forEach((entry, i) => {
    const path = join('customNamespace', i);
    const job = asMap(entry, path);
    checkKeys(job, CUSTOM_JOB_KEYS, path);
    const dimensionNames = optionalStringList(job, 'dimensionNameRequirements', path);
    rules.push(...jobRules({
      path, namespace: requiredString(job, 'namespace', path), regions: requiredRegions(job, path), roles: readRoles(job, path),
      jobSettings: readSettings(job, path),
      context: { jobKind: 'customNamespace', jobName: requiredString(job, 'name', path), customTags: readKeyValues(job, 'customTags', path), exportedTags: [], searchTags: [], includeContextOnInfoMetrics: false },
      dimensionNames, dimensionMatch: dimensionNames ? 'names' : 'any',
      recentlyActiveOnly: optionalBoolean(job, 'recentlyActiveOnly', path) ?? false,
    }, requiredMetrics(job, path), rules.length));
  });
  if (rules.length === 0) fail('', 'no jobs: add discovery.jobs, static or customNamespace jobs');
  return rules;
}
