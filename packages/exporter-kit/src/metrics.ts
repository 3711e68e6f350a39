/**
 * The metric model every collector writes into. Values are plain data: a scrape builds a fresh
 * set of families, so two concurrent scrapes never share mutable state (the exporter guide's
 * "create new metrics per scrape" rule, which prom-client's shared registry cannot give us).
 */

export type MetricType = 'counter' | 'gauge' | 'untyped' | 'histogram' | 'summary';

export type Labels = Readonly<Record<string, string>>;

/** One exposition line: `<family name><suffix>{labels} value`. */
export interface Sample {
  /** '' for counters/gauges/untyped; '_bucket' | '_sum' | '_count' for histograms and summaries. */
  readonly suffix: '' | '_bucket' | '_sum' | '_count';
  readonly labels: Labels;
  readonly value: number;
  /** Epoch milliseconds the value was observed at, for exporters that relay another system's samples (CloudWatch); usually absent. */
  readonly timestampMs?: number;
}

export interface MetricFamily {
  /** Full metric name as exposed in text 0.0.4 (counters keep their `_total` if they have one). */
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: Sample[];
}

export interface HistogramValue {
  /** Cumulative counts per upper bound; +Inf is added from `count` when absent. */
  readonly buckets: ReadonlyArray<readonly [upperBound: number, cumulativeCount: number]>;
  readonly sum: number;
  readonly count: number;
}

export interface SummaryValue {
  readonly quantiles: ReadonlyArray<readonly [quantile: number, value: number]>;
  readonly sum: number;
  readonly count: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__');
}

/**
 * Replaces every character Prometheus does not allow in a metric or label name with `_`,
 * and prefixes a leading digit, so names built from server data (status variables, queue
 * names used as metric names, CloudWatch metric names) are always legal.
 */
export function sanitizeMetricName(raw: string): string {
  const cleaned = raw.replace(/[^a-zA-Z0-9_:]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** A family name given twice with a different type or help inside one collector. */
export class MetricDefinitionError extends Error {
  override readonly name = 'MetricDefinitionError';
}

/**
 * Where a collector writes one scrape's samples. Families are created on first use and keep
 * their first help text and type; a later call that disagrees on the type throws, because it is
 * a programming error inside that collector (the scrape then marks only that collector failed).
 */
export class MetricSink {
  private readonly families = new Map<string, { name: string; help: string; type: MetricType; samples: Sample[] }>();

  gauge(name: string, help: string, value: number, labels: Labels = EMPTY): this {
    this.family(name, help, 'gauge').push({ suffix: '', labels, value });
    return this;
  }

  counter(name: string, help: string, value: number, labels: Labels = EMPTY): this {
    this.family(name, help, 'counter').push({ suffix: '', labels, value });
    return this;
  }

  untyped(name: string, help: string, value: number, labels: Labels = EMPTY): this {
    this.family(name, help, 'untyped').push({ suffix: '', labels, value });
    return this;
  }

  histogram(name: string, help: string, value: HistogramValue, labels: Labels = EMPTY): this {
    const samples = this.family(name, help, 'histogram');
    let sawInf = false;
    for (const [le, count] of value.buckets) {
      if (le === Infinity) sawInf = true;
      samples.push({ suffix: '_bucket', labels: { ...labels, le: formatBound(le) }, value: count });
    }
    if (!sawInf) samples.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: value.count });
    samples.push({ suffix: '_sum', labels, value: value.sum });
    samples.push({ suffix: '_count', labels, value: value.count });
    return this;
  }

  summary(name: string, help: string, value: SummaryValue, labels: Labels = EMPTY): this {
    const samples = this.family(name, help, 'summary');
    for (const [q, v] of value.quantiles) {
      samples.push({ suffix: '', labels: { ...labels, quantile: formatBound(q) }, value: v });
    }
    samples.push({ suffix: '_sum', labels, value: value.sum });
    samples.push({ suffix: '_count', labels, value: value.count });
    return this;
  }

  /** Adds a whole family (e.g. parsed from a textfile); samples merge into an existing family of the same type. */
  addFamily(family: MetricFamily): this {
    const samples = this.family(family.name, family.help, family.type);
    for (const s of family.samples) samples.push(s);
    return this;
  }

  /** Declares a family without samples so HELP/TYPE appear even when it is empty (rarely needed). */
  has(name: string): boolean {
    return this.families.has(name);
  }

  toFamilies(): MetricFamily[] {
    return [...this.families.values()].filter((f) => f.samples.length > 0);
  }

  private family(name: string, help: string, type: MetricType): Sample[] {
    const existing = this.families.get(name);
    if (existing) {
      if (existing.type !== type) {
        throw new MetricDefinitionError(`metric ${name} used as ${type} after being declared ${existing.type}`);
      }
      return existing.samples;
    }
    if (!isValidMetricName(name)) throw new MetricDefinitionError(`invalid metric name ${JSON.stringify(name)}`);
    const created = { name, help, type, samples: [] as Sample[] };
    this.families.set(name, created);
    return created.samples;
  }
}

const EMPTY: Labels = Object.freeze({});

/** Formats a bucket bound or quantile the way Go's client does (1, 0.5, 1e-05, +Inf). */
export function formatBound(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return formatValue(n);
}

/** Prometheus text spelling of a sample value. */
export function formatValue(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n);
}
