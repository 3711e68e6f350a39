import { fileURLToPath } from 'node:url';
import { collectOnce, resolveFlagValues, type Collector, type MetricFamily } from '@scrapekit/exporter-kit';
import { createNodeContext, type NodeContext } from '../../src/context.js';
import { nodeFlags } from '../../src/flags.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** A NodeContext over the fixture trees, with extra flags (as a user writes them, parsed by the kit as at start-up) layered on. */
export function fixtureContext(flags: Record<string, string | boolean | readonly string[]> = {}, root = FIXTURES): NodeContext {
  return createNodeContext(resolveFlagValues(nodeFlags, {
    'path.procfs': `${root}/proc`,
    'path.sysfs': `${root}/sys`,
    'path.rootfs': root,
    'path.udev.data': `${root}/udev/data`,
    ...flags,
  }, { defaults: false }).flags);
}

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

/** Tiny deterministic PRNG for the fuzz tests, so a failure is reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const ALPHABET = '0123456789abcdefABCDEF xyz-_:./\n\t=,()#%\u00e9\u0000';

/** Random text plus mutations of a valid sample: the shapes a corrupted or unexpected file takes. */
export function garbage(valid: string, count: number, seed = 1): string[] {
  const r = rng(seed);
  const out: string[] = ['', '\n', ' ', '\u0000', 'cpu', valid.slice(0, Math.floor(valid.length / 2))];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(r() * 200);
    let s = '';
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    out.push(s);
    const chars = valid.split('');
    for (let k = 0; k < 1 + Math.floor(r() * 5); k++) chars[Math.floor(r() * chars.length)] = ALPHABET[Math.floor(r() * ALPHABET.length)] as string;
    out.push(chars.join(''));
  }
  return out;
}
