import { collectOnce, type Collector, type MetricFamily } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../src/context.js';
import { fixtureContext } from './fixture-tree.js';

/** Runs one collector once (over the fixture trees unless told otherwise) and returns what it emitted. */
export function run(collector: Collector<NodeContext>, ctx: NodeContext = fixtureContext()): Promise<MetricFamily[]> {
  return collectOnce(collector, ctx);
}

export function family(families: MetricFamily[], name: string): MetricFamily {
  const f = families.find((x) => x.name === name);
  if (!f) throw new Error(`family ${name} not emitted; got ${families.map((x) => x.name).join(', ')}`);
  return f;
}

/** The value of the one sample of `name` whose labels include all of `labels`. */
export function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const f = family(families, name);
  const hits = f.samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (hits.length !== 1) throw new Error(`${name}${JSON.stringify(labels)}: ${hits.length} samples match`);
  return (hits[0] as { value: number }).value;
}

/** Label sets of a family, each rendered as sorted k=v pairs, sorted: for exact label-set assertions. */
export function labelSets(families: MetricFamily[], name: string): string[] {
  return family(families, name)
    .samples.map((s) =>
      Object.keys(s.labels)
        .sort()
        .map((k) => `${k}=${s.labels[k]}`)
        .join(','),
    )
    .sort();
}
