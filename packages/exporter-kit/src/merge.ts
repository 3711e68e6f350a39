import type { Logger } from './logger.js';
import type { MetricFamily, Sample } from './metrics.js';
import { isValidLabelName } from './metrics.js';

/**
 * Merges the families of several collectors into one list sorted by name. Duplicate series
 * (same name and label set) and a family name reused with another type never reach the
 * exposition: the later one is dropped and logged, because Prometheus rejects the whole scrape
 * on a duplicate, which would turn one collector's mistake into a total outage.
 */
export function mergeFamilies(parts: ReadonlyArray<readonly MetricFamily[]>, logger: Logger): MetricFamily[] {
  // A family that an earlier merge already checked, and that no other part names, passes through
  // untouched: re-keying every sample again is the largest cost of a 200k-series scrape.
  const occurrences = new Map<string, number>();
  for (const families of parts) for (const f of families) occurrences.set(f.name, (occurrences.get(f.name) ?? 0) + 1);
  const byName = new Map<string, MetricFamily | Pending>();
  for (const families of parts) {
    for (const family of families) {
      if (occurrences.get(family.name) === 1 && checked.has(family)) {
        byName.set(family.name, family);
        continue;
      }
      let target = byName.get(family.name) as Pending | undefined;
      if (target && target.type !== family.type) {
        logger.warn('dropping metric family redeclared with another type', {
          metric: family.name, type: family.type, first_type: target.type,
        });
        continue;
      }
      if (!target) {
        target = { name: family.name, help: family.help, type: family.type, samples: [], keys: new Set(), pending: true };
        byName.set(family.name, target);
      }
      let dropped = 0;
      let invalid = 0;
      for (const sample of family.samples) {
        if (!labelsValid(sample)) {
          invalid++;
          continue;
        }
        const key = sampleKey(sample);
        if (target.keys.has(key)) {
          dropped++;
          continue;
        }
        target.keys.add(key);
        target.samples.push(sample);
      }
      if (dropped > 0) logger.warn('dropped duplicate series', { metric: family.name, series: dropped });
      if (invalid > 0) logger.warn('dropped series with invalid label names', { metric: family.name, series: invalid });
    }
  }
  const out: MetricFamily[] = [];
  for (const f of byName.values()) {
    if (f.samples.length === 0) continue;
    if ('pending' in f) {
      const done: MetricFamily = { name: f.name, help: f.help, type: f.type, samples: f.samples };
      checked.add(done);
      out.push(done);
    } else {
      out.push(f);
    }
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

interface Pending {
  name: string;
  help: string;
  type: MetricFamily['type'];
  samples: Sample[];
  keys: Set<string>;
  pending: true;
}

/** Families produced by mergeFamilies: free of duplicates and invalid labels. */
const checked = new WeakSet<MetricFamily>();

function labelsValid(sample: Sample): boolean {
  for (const k in sample.labels) if (!isValidLabelName(k)) return false;
  return true;
}

function sampleKey(sample: Sample): string {
  const names = Object.keys(sample.labels);
  if (names.length === 0) return sample.suffix;
  if (names.length > 1) names.sort();
  let key = sample.suffix;
  for (const n of names) key += `\u0000${n}\u0001${sample.labels[n]}`;
  return key;
}
