import type { MetricFamily } from '../metrics.js';
import type { WriteLabel, WriteSample, WriteSeries } from './remote-write-proto.js';

/**
 * Prometheus's stale marker: a NaN with this exact bit pattern tells the receiver a series ended,
 * so queries stop returning it at once instead of five minutes later.
 */
const STALE_NAN_BITS = 0x7ff0000000000002n;

export function staleNaN(): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, STALE_NAN_BITS);
  return view.getFloat64(0);
}

export function isStaleNaN(value: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getBigUint64(0) === STALE_NAN_BITS;
}

const byName = (a: WriteLabel, b: WriteLabel): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * One collection as remote_write series, the way Prometheus would store a scrape of it: every
 * exposition line becomes a series named by `__name__` (histograms and summaries keep their
 * `_bucket`/`_sum`/`_count` suffixes and `le`/`quantile` labels), stamped with the collection's
 * time unless the sample carries its own (CloudWatch's datapoint time: Prometheus honours exposed
 * timestamps by default), and a series repeated with ascending timestamps (YACE's
 * exportAllDataPoints) is one series with those samples. The identity labels (job, instance, --push.grouping) are attached as a scrape's target
 * labels are: a sample's own label of the same name is kept as `exported_<name>` (honor_labels:
 * false). Empty label values are left out, and labels are sorted by name, as the spec requires.
 */
export function familiesToSeries(
  families: readonly MetricFamily[],
  identity: ReadonlyArray<readonly [string, string]>,
  timestampMs: number,
): WriteSeries[] {
  const identityNames = new Set(identity.map(([n]) => n));
  const identityLabels = identity.filter(([, v]) => v !== '').map(([name, value]) => ({ name, value }));
  const out: WriteSeries[] = [];
  for (const f of families) {
    // Only a family whose samples carry timestamps can repeat a series (the kit's merge).
    const repeated = f.samples.some((s) => s.timestampMs !== undefined) ? new Map<string, { labels: WriteLabel[]; samples: WriteSample[] }>() : undefined;
    for (const s of f.samples) {
      const labels: WriteLabel[] = [{ name: '__name__', value: f.name + s.suffix }, ...identityLabels];
      for (const name in s.labels) {
        const value = String(s.labels[name]);
        if (value === '') continue;
        labels.push({ name: identityNames.has(name) ? `exported_${name}` : name, value });
      }
      labels.sort(byName);
      const sample: WriteSample = { value: s.value, timestamp: s.timestampMs ?? timestampMs };
      const key = repeated ? seriesKey(labels) : '';
      const earlier = repeated?.get(key);
      if (earlier) {
        earlier.samples.push(sample);
        continue;
      }
      const series = { labels, samples: [sample] };
      repeated?.set(key, series);
      out.push(series);
    }
  }
  return out;
}

function seriesKey(labels: readonly WriteLabel[]): string {
  let key = '';
  for (const l of labels) key += `${l.name}\u0000${l.value}\u0001`;
  return key;
}

/**
 * Remembers the series of the previous collection so that one which disappears (a queue deleted,
 * a disk unmounted) gets a stale marker, as the spec asks of senders. Holds one key per series.
 */
export class StaleSeriesTracker {
  private previous = new Map<string, readonly WriteLabel[]>();

  /** Stale markers at `timestampMs` for the series of the last call that are missing from `series`. */
  vanished(series: readonly WriteSeries[], timestampMs: number): WriteSeries[] {
    const current = new Map<string, readonly WriteLabel[]>();
    for (const s of series) current.set(seriesKey(s.labels), s.labels);
    const markers: WriteSeries[] = [];
    const stale = staleNaN();
    for (const [key, labels] of this.previous) {
      if (!current.has(key)) markers.push({ labels, samples: [{ value: stale, timestamp: timestampMs }] });
    }
    this.previous = current;
    return markers;
  }
}
