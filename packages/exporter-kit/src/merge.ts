import type { Logger } from './logger.js';
import type { MetricFamily, Sample } from './metrics.js';
import { isValidLabelName } from './metrics.js';

/**
 * Merges the families of several collectors into one list sorted by name. Duplicate series
 * (same name and label set) and a family name reused with another type never reach the
 * exposition: the later one is dropped and logged, because Prometheus rejects the whole scrape
 * on a duplicate, which would turn one collector's mistake into a total outage. A series may
 * repeat only with ascending timestamps (an exporter relaying another system's history, such as
 * CloudWatch's datapoints): both text formats allow that, and client_golang exposes it so.
 */
export function mergeFamilies(parts: ReadonlyArray<readonly MetricFamily[]>, logger: Logger, onDropped?: (series: number) => void): MetricFamily[] {
  const check: MergeCheck = { logger, dropped: 0, validLabelNames: new Set() };
  // Families by name; an array only when several parts name the same family (rare).
  const byName = new Map<string, MetricFamily | MetricFamily[]>();
  for (const families of parts) {
    for (const f of families) {
      const seen = byName.get(f.name);
      if (seen === undefined) byName.set(f.name, f);
      else if (Array.isArray(seen)) seen.push(f);
      else byName.set(f.name, [seen, f]);
    }
  }
  const out: MetricFamily[] = [];
  for (const group of byName.values()) {
    const merged = Array.isArray(group) ? mergeSeveral(group, check) : checkOne(group, check);
    if (merged && merged.samples.length > 0) out.push(merged);
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (check.dropped > 0) onDropped?.(check.dropped);
  return out;
}

/** State of one merge: where drops are logged and counted, and the label names found valid so far. */
interface MergeCheck {
  readonly logger: Logger;
  dropped: number;
  /** A set lookup instead of a regex per label per sample. */
  readonly validLabelNames: Set<string>;
}

/**
 * The common case, a family only one part names: checked in place, and returned as it is when
 * nothing had to go (no copy). Each scrape is merged once (the pipeline gathers every part first),
 * so every sample is checked once. Duplicates are found by
 * an order-independent hash of the series (no key strings, which were most of a node scrape's
 * merge allocations); series that share a hash are told apart by comparing their labels.
 */
function checkOne(family: MetricFamily, check: MergeCheck): MetricFamily | undefined {
  const samples = family.samples;
  // Hash -> index of the kept sample with it (an array in the rare case of two series sharing one hash).
  const byHash = samples.length > 1 ? new Map<number, number | number[]>() : undefined;
  let kept: Sample[] | undefined;
  let dropped = 0;
  let invalid = 0;
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i] as Sample;
    if (!labelsValid(sample, check.validLabelNames)) {
      invalid++;
      kept ??= samples.slice(0, i);
      continue;
    }
    if (byHash && isDuplicate(byHash, samples, i)) {
      dropped++;
      kept ??= samples.slice(0, i);
      continue;
    }
    kept?.push(sample);
  }
  reportDrops(family.name, dropped, invalid, check);
  return kept ? { name: family.name, help: family.help, type: family.type, samples: kept } : family;
}

/**
 * Whether samples[i] repeats a series seen before it; records it when not. A series' later
 * sample that is later in time is kept and becomes the one the next is compared with.
 */
function isDuplicate(byHash: Map<number, number | number[]>, samples: readonly Sample[], i: number): boolean {
  const sample = samples[i] as Sample;
  const h = seriesHash(sample);
  const seen = byHash.get(h);
  if (seen === undefined) {
    byHash.set(h, i);
    return false;
  }
  if (typeof seen === 'number') {
    const prior = samples[seen] as Sample;
    if (!sameSeries(prior, sample)) byHash.set(h, [seen, i]);
    else if (laterInTime(prior.timestampMs, sample.timestampMs)) byHash.set(h, i);
    else return true;
    return false;
  }
  for (let k = 0; k < seen.length; k++) {
    const prior = samples[seen[k] as number] as Sample;
    if (!sameSeries(prior, sample)) continue;
    if (!laterInTime(prior.timestampMs, sample.timestampMs)) return true;
    seen[k] = i;
    return false;
  }
  seen.push(i);
  return false;
}

/** A series may repeat in one exposition only when both samples carry timestamps, ascending. */
function laterInTime(priorMs: number | undefined, nextMs: number | undefined): boolean {
  return priorMs !== undefined && nextMs !== undefined && nextMs > priorMs;
}

/** Several parts name one family: exact keys, first type and help win. */
function mergeSeveral(group: readonly MetricFamily[], check: MergeCheck): MetricFamily | undefined {
  const first = group[0] as MetricFamily;
  const samples: Sample[] = [];
  // Series key -> timestamp of its last kept sample.
  const lastAt = new Map<string, number | undefined>();
  for (const family of group) {
    if (family.type !== first.type) {
      check.dropped += family.samples.length;
      check.logger.warn('dropping metric family redeclared with another type', {
        metric: family.name, type: family.type, first_type: first.type,
      });
      continue;
    }
    let dropped = 0;
    let invalid = 0;
    for (const sample of family.samples) {
      if (!labelsValid(sample, check.validLabelNames)) {
        invalid++;
        continue;
      }
      const key = sampleKey(sample);
      if (lastAt.has(key) && !laterInTime(lastAt.get(key), sample.timestampMs)) {
        dropped++;
        continue;
      }
      lastAt.set(key, sample.timestampMs);
      samples.push(sample);
    }
    reportDrops(family.name, dropped, invalid, check);
  }
  if (samples.length === 0) return undefined;
  return { name: first.name, help: first.help, type: first.type, samples };
}

function reportDrops(metric: string, dropped: number, invalid: number, check: MergeCheck): void {
  check.dropped += dropped + invalid;
  if (dropped > 0) check.logger.warn('dropped duplicate series', { metric, series: dropped });
  if (invalid > 0) check.logger.warn('dropped series with invalid label names', { metric, series: invalid });
}

/** FNV-1a over a string, continuing from `h`. */
function fnv1a(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/** murmur3's finaliser: FNV-1a alone leaves the low bits of short strings poorly mixed. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A hash of suffix and label set that ignores label order, as sampleKey does (a small integer). */
function seriesHash(sample: Sample): number {
  let labels = 0;
  for (const name in sample.labels) {
    // Each pair hashed on its own and summed: the same pairs in any order give the same sum.
    labels = (labels + fmix32(fnv1a(sample.labels[name] as string, fnv1a(name, 0x811c9dc5) ^ 0x5bd1e995))) | 0;
  }
  return fmix32(Math.imul(fnv1a(sample.suffix, 0x811c9dc5), 31) + labels) & 0x3fffffff;
}

/** Same suffix and the same label pairs, in any order. */
function sameSeries(a: Sample, b: Sample): boolean {
  if (a.suffix !== b.suffix) return false;
  let pairs = 0;
  for (const name in a.labels) {
    if (a.labels[name] !== b.labels[name]) return false;
    pairs++;
  }
  for (const _ in b.labels) pairs--;
  return pairs === 0;
}

function labelsValid(sample: Sample, validLabelNames: Set<string>): boolean {
  for (const k in sample.labels) {
    if (validLabelNames.has(k)) continue;
    if (!isValidLabelName(k)) return false;
    validLabelNames.add(k);
  }
  return true;
}

/** A sample's series within its family: suffix and sorted labels. */
export function sampleKey(sample: Sample): string {
  const names = Object.keys(sample.labels);
  if (names.length === 0) return sample.suffix;
  if (names.length > 1) names.sort();
  let key = sample.suffix;
  for (const n of names) key += `\u0000${n}\u0001${sample.labels[n]}`;
  return key;
}
