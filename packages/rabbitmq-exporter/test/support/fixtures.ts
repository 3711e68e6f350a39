import { readFileSync } from 'node:fs';
import { MetricSink, type MetricFamily } from '@scrapekit/exporter-kit';

/** A management API answer recorded from the broker on this machine (see fixtures/record.mjs). */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Runs a mapping into a fresh sink and returns its families by name. */
export function mapped(write: (out: MetricSink) => void): Map<string, MetricFamily> {
  const out = new MetricSink();
  write(out);
  return new Map(out.toFamilies().map((f) => [f.name, f]));
}

export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  return families
    .get(name)
    ?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
