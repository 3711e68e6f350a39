import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collector, Logger, MetricSink, Sample } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { readProcFile } from '../read/index.js';
import { expandDirGlob } from '../textfile/glob.js';
import { parseTextFormat, type TextFamily } from '../textfile/parse.js';

interface Merged extends TextFamily {
  readonly keys: Set<string>;
  readonly files: string[];
}

/**
 * Merges *.prom files from --collector.textfile.directory. A file that cannot be read or parsed,
 * or that carries timestamps, is skipped whole and flagged by node_textfile_scrape_error; a
 * family redeclared with another type, and a series already read from an earlier file, are
 * dropped so the output never holds duplicates.
 */
export const textfileCollector: Collector<NodeContext> = {
  name: 'textfile',
  help: 'Metrics from *.prom files in --collector.textfile.directory.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const patterns = ctx.target.list('collector.textfile.directory');
    let errored = false;
    const merged = new Map<string, Merged>();
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
          const [text, st] = await Promise.all([readProcFile(path, ctx.signal), stat(path)]);
          const parsed = parseTextFormat(text, path);
          if (parsed.hasTimestamps) throw new Error('client-side timestamps are not supported; the whole file is skipped');
          mergeFile(merged, parsed.families, path, ctx.logger);
          mtimes.push([path, Math.floor(st.mtimeMs / 1000)]);
        } catch (err) {
          if (ctx.signal.aborted) throw err;
          ctx.logger.error('failed to read textfile', { file: path, err: (err as Error).message });
          errored = true;
        }
      }
    }
    for (const f of merged.values()) emitFamily(out, f);
    for (const [file, mtime] of mtimes) out.gauge('node_textfile_mtime_seconds', 'Modification time of each textfile read, in seconds since the epoch.', mtime, { file });
    out.gauge('node_textfile_scrape_error', 'Whether opening, reading or parsing a textfile failed (1) or not (0).', errored ? 1 : 0);
  },
};

function seriesKey(s: Sample): string {
  return `${s.suffix}\u0000${Object.keys(s.labels).sort().map((k) => `${k}\u0001${s.labels[k]}`).join('\u0000')}`;
}

function mergeFile(merged: Map<string, Merged>, families: readonly TextFamily[], path: string, logger: Logger): void {
  for (const f of families) {
    let m = merged.get(f.name);
    if (m && m.type !== f.type) {
      logger.warn('textfile family redeclared with another type; dropped', { file: path, metric: f.name, type: f.type, first_type: m.type });
      continue;
    }
    if (!m) {
      m = { name: f.name, help: f.help, type: f.type, samples: [], keys: new Set(), files: [] };
      merged.set(f.name, m);
    } else if (m.help === undefined) {
      m.help = f.help;
    }
    m.files.push(path);
    let dropped = 0;
    for (const s of f.samples) {
      const k = seriesKey(s);
      if (m.keys.has(k)) {
        dropped++;
        continue;
      }
      m.keys.add(k);
      m.samples.push(s);
    }
    if (dropped > 0) logger.warn('duplicate textfile series dropped', { file: path, metric: f.name, series: dropped });
  }
}

function emitFamily(out: MetricSink, f: Merged): void {
  // Series of one family must share label names: node_exporter fills the missing ones with "".
  const names = new Set<string>();
  for (const s of f.samples) for (const k of Object.keys(s.labels)) if (k !== 'le' && k !== 'quantile') names.add(k);
  const samples = f.samples.map((s) => {
    const missing = [...names].filter((n) => !(n in s.labels));
    return missing.length === 0 ? s : { ...s, labels: { ...s.labels, ...Object.fromEntries(missing.map((n) => [n, ''])) } };
  });
  out.addFamily({ name: f.name, help: f.help ?? `Read from textfile ${f.files.join(', ')} (no HELP given).`, type: f.type, samples });
}
