import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collector, Logger, Sample, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { expandDirGlob } from '../textfile/glob.js';
import { parseTextFormat, parseValue, type TextFamily } from '../textfile/parse.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const textfileFlags: readonly FlagSpec[] = [
  { name: 'collector.textfile.directory', kind: 'list', description: 'Directory (glob allowed, repeatable) of *.prom files to merge into the output.', default: [], placeholder: '<dir>' },
];

interface Merged extends TextFamily {
  readonly help: string;
  readonly keys: Set<string>;
}

interface FileFamilies {
  readonly path: string;
  readonly families: readonly TextFamily[];
}

/**
 * Merges *.prom files from --collector.textfile.directory as node_exporter does. A file that
 * cannot be read or parsed, or that carries timestamps, is skipped whole and flagged by
 * node_textfile_scrape_error. A family's first file sets its type and HELP (a file without HELP
 * gets the generated one naming every file with that metric); a later file whose family
 * disagrees on either is dropped for that family, and a series already read is dropped, so the
 * output never holds duplicates or an inconsistent family (node_exporter's registry refuses
 * those too).
 */
export const textfileCollector: Collector<NodeContext> = {
  name: 'textfile',
  flags: textfileFlags,
  help: 'Metrics from *.prom files in --collector.textfile.directory.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const patterns = ctx.target.list('collector.textfile.directory');
    let errored = false;
    const files: FileFamilies[] = [];
    const mtimes: Array<[string, number]> = [];
    const dirs = (await Promise.all(patterns.map(expandDirGlob))).flat();
    for (const dir of [...new Set(dirs)]) {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith('.prom')).sort();
      } catch (err) {
        ctx.logger.error('cannot read textfile directory', { dir, err: (err as Error).message });
        errored = true;
        continue;
      }
      for (const name of names) {
        const path = join(dir, name);
        try {
          const [bytes, st] = await Promise.all([readFile(path, { signal: ctx.signal }), stat(path)]);
          const parsed = parseTextFormat(decodeUtf8(bytes), path);
          if (parsed.hasTimestamps) throw new Error('client-side timestamps are not supported; the whole file is skipped');
          files.push({ path, families: parsed.families });
          mtimes.push([path, Math.floor(st.mtimeMs / 1000)]);
        } catch (err) {
          if (ctx.signal.aborted) throw err;
          ctx.logger.error('failed to read textfile', { file: path, err: (err as Error).message });
          errored = true;
        }
      }
    }
    for (const f of mergeFiles(files, ctx.logger).values()) out.addFamily(f);
    for (const [file, mtime] of mtimes) out.gauge('node_textfile_mtime_seconds', 'Modification time of each textfile read, in seconds since the epoch.', mtime, { file });
    out.gauge('node_textfile_scrape_error', 'Whether opening, reading or parsing a textfile failed (1) or not (0).', errored ? 1 : 0);
  },
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text format is UTF-8; node_exporter refuses a file with invalid bytes rather than guess. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new Error('the file is not valid UTF-8');
  }
}

function seriesKey(s: Sample): string {
  return `${s.suffix}\u0000${Object.keys(s.labels).sort().map((k) => `${k}\u0001${s.labels[k]}`).join('\u0000')}`;
}

function generatedHelp(files: readonly string[]): string {
  return `Read from textfile ${files.join(', ')} (no HELP given).`;
}

function mergeFiles(files: readonly FileFamilies[], logger: Logger): Map<string, Merged> {
  const filesOf = new Map<string, string[]>();
  for (const file of files) for (const f of file.families) filesOf.set(f.name, [...(filesOf.get(f.name) ?? []), file.path]);
  const merged = new Map<string, Merged>();
  for (const file of files) {
    for (const f of file.families) {
      const help = f.help ?? generatedHelp(filesOf.get(f.name) ?? []);
      let m = merged.get(f.name);
      if (m && (m.type !== f.type || m.help !== help)) {
        logger.warn('textfile family disagrees with an earlier file on its type or HELP; dropped', {
          file: file.path, metric: f.name, type: f.type, first_type: m.type,
        });
        continue;
      }
      if (!m) {
        m = { name: f.name, help, type: f.type, samples: [], keys: new Set() };
        merged.set(f.name, m);
      }
      let dropped = 0;
      for (const s of completeSeries(f)) {
        const k = seriesKey(s);
        if (m.keys.has(k)) {
          dropped++;
          continue;
        }
        m.keys.add(k);
        m.samples.push(s);
      }
      if (dropped > 0) logger.warn('duplicate textfile series dropped', { file: file.path, metric: f.name, series: dropped });
    }
  }
  return merged;
}

/**
 * One file's family as node_exporter re-creates it: every series carries the label names any
 * series of that family in that file has (missing ones as ""), labels sorted by name with `le`
 * and `quantile` last, and each histogram or summary complete — _sum and _count (0 when the file
 * leaves them out) and, for histograms, a +Inf bucket equal to _count when the file has none.
 */
function completeSeries(f: TextFamily): Sample[] {
  const names = new Set<string>();
  const extra = f.type === 'histogram' ? 'le' : f.type === 'summary' ? 'quantile' : undefined;
  for (const s of f.samples) for (const k of Object.keys(s.labels)) if (k !== extra) names.add(k);
  const ordered = [...names].sort();
  const labelsOf = (s: Sample): Record<string, string> => Object.fromEntries(ordered.map((n) => [n, s.labels[n] ?? '']));
  if (extra === undefined) {
    return f.samples.map((s) => ({ suffix: s.suffix, labels: labelsOf(s), value: s.value }));
  }
  const series = new Map<string, { labels: Record<string, string>; points: Sample[]; sum?: number; count?: number; infBucket: boolean }>();
  for (const s of f.samples) {
    const labels = labelsOf(s);
    const key = JSON.stringify(labels);
    let one = series.get(key);
    if (!one) {
      one = { labels, points: [], infBucket: false };
      series.set(key, one);
    }
    if (s.suffix === '_sum') one.sum = s.value;
    else if (s.suffix === '_count') one.count = s.value;
    else if (s.labels[extra] !== undefined) {
      // (without le/quantile a sample carries no data in Go: it only makes the series exist)
      if (f.type === 'histogram' && parseValue(s.labels.le as string) === Number.POSITIVE_INFINITY) one.infBucket = true;
      one.points.push({ suffix: s.suffix, labels: { ...labels, [extra]: s.labels[extra] as string }, value: s.value });
    }
  }
  const out: Sample[] = [];
  const bound = (s: Sample): number => parseValue(s.labels[extra] as string) as number;
  for (const one of series.values()) {
    const count = one.count ?? 0;
    // Buckets by upper bound and quantiles in order, as Go's const histograms and summaries write them.
    out.push(...one.points.sort((a, b) => bound(a) - bound(b)));
    if (f.type === 'histogram' && !one.infBucket) out.push({ suffix: '_bucket', labels: { ...one.labels, le: '+Inf' }, value: count });
    out.push({ suffix: '_sum', labels: one.labels, value: one.sum ?? 0 }, { suffix: '_count', labels: one.labels, value: count });
  }
  return out;
}
