import type { TaggedResource } from '../discovery.js';
import type { Dimension } from '../rules.js';
import type { ServiceDiscovery } from './services.js';

/** Dimension values a resource's ARN yields, per regex that matches it. */
interface Signature {
  readonly names: readonly string[];
  readonly byValues: Map<string, TaggedResource>;
}

const keyOf = (pairs: ReadonlyArray<readonly [string, string]>): string => pairs.map(([n, v]) => `${n}=${v}`).join('\u0000');

/**
 * YACE's "max dimension" association: a listed metric belongs to the resource whose ARN-derived
 * dimension values it carries, using the matching regex with the most dimensions. Returns the
 * resource, 'global' when no regex's dimensions are all on the metric (it is kept as
 * name="global"), or 'skip' when one applies but no (selected) resource has those values.
 */
export class ResourceAssociator {
  private readonly signatures: Signature[] = [];

  constructor(service: ServiceDiscovery, resources: readonly TaggedResource[]) {
    for (const re of service.dimensionRegexps) {
      const names = [...re.source.matchAll(/\(\?<([A-Za-z0-9_]+)>/g)].map((m) => m[1] as string).sort();
      const signature: Signature = { names, byValues: new Map() };
      for (const r of resources) {
        const groups = re.exec(r.arn)?.groups;
        if (groups) signature.byValues.set(keyOf(names.map((n) => [n, groups[n] ?? ''] as const)), r);
      }
      this.signatures.push(signature);
    }
    this.signatures.sort((a, b) => b.names.length - a.names.length);
  }

  associate(dimensions: readonly Dimension[]): TaggedResource | 'global' | 'skip' {
    const values = new Map(dimensions.map((d) => [d.name, d.value]));
    for (const s of this.signatures) {
      if (!s.names.every((n) => values.has(n))) continue;
      return s.byValues.get(keyOf(s.names.map((n) => [n, values.get(n) as string] as const))) ?? 'skip';
    }
    return 'global';
  }
}
