import type { Labels, MetricSink } from '@scrapekit/exporter-kit';

export type FieldType = 'gauge' | 'counter' | 'untyped';

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
export function emitFields(out: MetricSink, table: readonly FieldMetric[], record: unknown, labels?: Labels): void {
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
  emit(out: MetricSink): void {
    for (let i = 0; i < this.table.length; i++) {
      const f = this.table[i];
      if (!this.seen[i] && this.count > 0) continue;
      out[f.type](f.name, f.help, this.seen[i] ? this.sums[i] : 0);
    }
  }
}
