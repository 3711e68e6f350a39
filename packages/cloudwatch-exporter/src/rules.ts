/**
 * The one internal rule model. Both config front-ends (cloudwatch_exporter's YAML in
 * config/cloudwatch-exporter.ts, YACE's in config/yace.ts) compile to these rules; discovery,
 * the planner and the collection only ever see rules, never a config file.
 */

/** A CloudWatch dimension, as the API names it. */
export interface Dimension {
  readonly name: string;
  readonly value: string;
}

/** Where a rule's API calls go: the region and, optionally, a role assumed for them. */
export interface AwsScope {
  /** undefined: the SDK's default region chain (AWS_REGION, profile). */
  readonly region: string | undefined;
  readonly roleArn: string | undefined;
  readonly externalId?: string;
}

/** aws_tag_select: restrict a rule to tagged resources, found through GetResources. */
export interface TagSelection {
  /** ResourceTypeFilters entry, e.g. 'ec2:instance' or 's3'. */
  readonly resourceTypeSelection: string;
  /** The dimension whose value is the resource id taken from the ARN. */
  readonly resourceIdDimension: string;
  /** Tag key → allowed values; undefined: every resource of the type (no filtering of metrics). */
  readonly tagSelections: ReadonlyMap<string, readonly string[]> | undefined;
  /** First non-empty capture group is the resource id. */
  readonly arnResourceIdRegexp: RegExp;
}

/** Which exporter's output the rule mimics: names, labels and self metrics. */
export type OutputFlavor = 'cloudwatch_exporter' | 'yace';

export interface MetricRule {
  /** Position in the config (metrics[index]); the per-rule success gauge is keyed by it. */
  readonly index: number;
  readonly scope: AwsScope;
  readonly namespace: string;
  readonly metricName: string;
  /**
   * Dimensions to fan out over. undefined: one query without dimensions and no ListMetrics
   * (cloudwatch_exporter's behaviour when aws_dimensions is absent).
   */
  readonly dimensions: readonly string[] | undefined;
  /** Exact values per dimension (aws_dimension_select). */
  readonly dimensionSelect: ReadonlyMap<string, readonly string[]> | undefined;
  /** Full-match regexes per dimension (aws_dimension_select_regex). */
  readonly dimensionSelectRegex: ReadonlyMap<string, readonly RegExp[]> | undefined;
  /** Standard statistics (Sum, SampleCount, Minimum, Maximum, Average) first, then extended ones (p99). */
  readonly statistics: readonly string[];
  readonly periodSeconds: number;
  readonly rangeSeconds: number;
  readonly delaySeconds: number;
  /** The sample carries the CloudWatch datapoint's timestamp. */
  readonly setTimestamp: boolean;
  /** Seconds a ListMetrics (and GetResources) answer is reused; 0: asked on every collection. */
  readonly listMetricsCacheTtlSeconds: number;
  readonly warnOnEmptyListDimensions: boolean;
  /** ListMetrics with RecentlyActive=PT3H. */
  readonly recentlyActiveOnly: boolean;
  readonly tagSelect: TagSelection | undefined;
  /** Custom HELP text. */
  readonly help: string | undefined;
  /** Missing datapoint → 0 instead of no sample (YACE nilToZero). */
  readonly nilToZero: boolean;
  /**
   * Every datapoint of the window, each a sample with its own timestamp, oldest first, instead of
   * only the newest (YACE exportAllDataPoints; needs setTimestamp).
   */
  readonly exportAllDataPoints: boolean;
  /**
   * Which listed metrics a rule keeps: 'count' — exactly as many dimensions as `dimensions`
   * (cloudwatch_exporter); 'names' — exactly those dimension names (YACE
   * dimensionNameRequirements); 'any' — every dimension combination (YACE without it).
   */
  readonly dimensionMatch: 'count' | 'names' | 'any';
  /** YACE rounds "now" down to the period before computing the window. */
  readonly alignWindowToPeriod: boolean;
  /** What only YACE's output and discovery need. */
  readonly yace?: YaceRuleContext;
}

/** A YACE job's context for one of its rules. */
export interface YaceRuleContext {
  readonly jobKind: 'discovery' | 'static' | 'customNamespace';
  /** static/customNamespace job name: the `name` label of their series. */
  readonly jobName: string | undefined;
  readonly customTags: ReadonlyArray<readonly [key: string, value: string]>;
  /** Tag keys exported as tag_<key> labels on this namespace's series (exportedTagsOnMetrics). */
  readonly exportedTags: readonly string[];
  /** discovery: tag key → value regex every resource must match (searchTags). */
  readonly searchTags: ReadonlyArray<{ readonly key: string; readonly value: RegExp }>;
  /** discovery: region, account_id, account_alias and custom_tag_* on aws_<service>_info too. */
  readonly includeContextOnInfoMetrics: boolean;
}


/** A whole configuration after parsing: the rules plus what the output needs to know. */
export interface ExporterConfig {
  readonly flavor: OutputFlavor;
  readonly rules: readonly MetricRule[];
  /** The source file, for reload and log lines. */
  readonly file: string;
}

export const STANDARD_STATISTICS = ['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'] as const;
