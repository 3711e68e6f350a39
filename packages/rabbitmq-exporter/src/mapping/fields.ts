import type { Labels, MetricSink } from '@scrapekit/exporter-kit';

export type FieldType = 'gauge' | 'counter' | 'untyped';

/** What a mapping writes into: the kit's sink, or a renaming view of it (see prefixedSink). */
export type Sink = Pick<MetricSink, FieldType>;

/**
 * The plugin's /metrics/detailed names every family `rabbitmq_detailed_*` instead of
 * `rabbitmq_*`: one view of the sink renames, so the mapping tables stay single.
 */
export function prefixedSink(out: Sink, from: string, to: string): Sink {
  const rename = (name: string): string => (name.startsWith(from) ? to + name.slice(from.length) : name);
  return {
    gauge: (name, help, value, labels) => out.gauge(rename(name), help, value, labels),
    counter: (name, help, value, labels) => out.counter(rename(name), help, value, labels),
    untyped: (name, help, value, labels) => out.untyped(rename(name), help, value, labels),
  } as Sink;
}

/**
 * One metric read from one field of an API record. `source` is the field's path as the
 * API's `columns=` parameter spells it (nested with dots), so the columns we request are
 * derived from the same table that maps them and cannot drift apart.
 */
export interface FieldMetric {
  readonly name: string;
  readonly help: string;
  readonly type: FieldType;
  readonly source: string;
  /** Multiplier into base units (the API reports uptime in milliseconds). */
  readonly scale?: number;
  /**
   * The broker feature flag without which the broker never counts this field (the API then
   * reports a confident 0): the metric is left out while the flag is not enabled.
   */
  readonly featureFlag?: string;
}

/**
 * The table without the metrics whose feature flag is not enabled. `enabled` undefined means the
 * flags could not be read: gated metrics are left out then too, absent being honest and 0 not.
 */
export function gatedByFeatureFlags(table: readonly FieldMetric[], enabled: ReadonlySet<string> | undefined): readonly FieldMetric[] {
  if (!table.some((f) => f.featureFlag !== undefined)) return table;
  return table.filter((f) => f.featureFlag === undefined || enabled?.has(f.featureFlag) === true);
}

export function columnsOf(table: readonly FieldMetric[]): string[] {
  return [...new Set(table.map((f) => f.source))];
}

/** Reads `a.b.c` from a parsed JSON object. */
export function readPath(record: unknown, path: string): unknown {
  let cur: unknown = record;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * Turns a JSON value into a sample value, or undefined when the API did not report it
 * (missing, null, '' or a non-number): the metric is then left out, never set to 0.
 */
export function toSampleValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Writes every field of `table` that `record` carries. */
export function emitFields(out: Sink, table: readonly FieldMetric[], record: unknown, labels?: Labels): void {
  for (const f of table) {
    const v = toSampleValue(readPath(record, f.source));
    if (v === undefined) continue;
    const value = f.scale === undefined ? v : v * f.scale;
    out[f.type](f.name, f.help, value, labels);
  }
}

/** Sums one field over many records; `seen` tells whether any record carried it. */
export class FieldSums {
  private readonly sums: number[];
  private readonly seen: boolean[];

  constructor(private readonly table: readonly FieldMetric[]) {
    this.sums = table.map(() => 0);
    this.seen = table.map(() => false);
  }

  private count = 0;

  add(record: unknown): void {
    this.count++;
    for (let i = 0; i < this.table.length; i++) {
      const v = toSampleValue(readPath(record, this.table[i].source));
      if (v === undefined) continue;
      this.sums[i] += v;
      this.seen[i] = true;
    }
  }

  /**
   * Writes the sums. Over zero records every sum is an honest 0; when records exist but none
   * carried a field yet (stats not emitted yet), that field is left out.
   */
  emit(out: Sink): void {
    for (let i = 0; i < this.table.length; i++) {
      const f = this.table[i];
      if (!this.seen[i] && this.count > 0) continue;
      out[f.type](f.name, f.help, this.seen[i] ? this.sums[i] : 0);
    }
  }
}
