/**
 * The textfile collector against node_exporter on unusual and malformed *.prom files: each
 * directory under fixtures/textfile-cases/ is one case (CRLF line ends, a last line without a
 * newline, out-of-range and special floats, histograms without +Inf/_count, non-numeric
 * le/quantile, histogram and summary samples without le/quantile, "#TYPE" and "# TYPE x Gauge",
 * unusual spacing, invalid UTF-8, families that disagree across files on HELP, type or labels, ...). Both exporters read the same directory and
 * must print the same textfile families, series, values and node_textfile_scrape_error; only the
 * HELP wording differs (ours is our own). Deterministic inputs, so the comparison is exact.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { missingDependency } from '../../../test/support/services.js';
import { FIXTURES, GO_NODE_EXPORTER, haveGoNodeExporter, scrapeText, startGo, startOurs } from './e2e/exporters.js';

const CASES_DIR = join(FIXTURES, 'textfile-cases');
const missing = missingDependency(haveGoNodeExporter(), `the node_exporter oracle (${GO_NODE_EXPORTER})`);

/**
 * node_exporter 1.5.0 panics on a label name starting with "__" (MustNewConstMetric), so the
 * whole exporter dies; ours reports the file as an error and goes on. Checked on its own below.
 */
const GO_CRASHES = new Set(['reserved_label']);

const ARGS = (dir: string): string[] => ['--collector.disable-defaults', '--collector.textfile', `--collector.textfile.directory=${dir}`];

/** The textfile part of an exposition: no HELP lines, no exporter or per-collector self metrics, sorted. */
function textfilePart(text: string): string[] {
  return text.split('\n')
    .filter((l) => l !== '' && !l.startsWith('# HELP '))
    .filter((l) => !/^(# TYPE )?(go_|process_|promhttp_|nodejs_|node_exporter_build_info|node_scrape_collector_|node_textfile_mtime_seconds)/.test(l))
    .sort();
}

async function scrapeWith(start: typeof startOurs, dir: string): Promise<string[]> {
  const exporter = await start(ARGS(dir));
  try {
    return textfilePart(await scrapeText(exporter.url));
  } finally {
    await exporter.stop();
  }
}

const cases = readdirSync(CASES_DIR).sort();

describe('textfile collector: the same answer as node_exporter on unusual files', () => {
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  it.each(cases.filter((c) => !GO_CRASHES.has(c)))('%s', async (name) => {
    const dir = join(CASES_DIR, name);
    const [go, ours] = [await scrapeWith(startGo, dir), await scrapeWith(startOurs, dir)];
    expect(go.some((l) => l.startsWith('node_textfile_scrape_error '))).toBe(true);
    expect(ours).toEqual(go);
  });

  it('a reserved label name (which crashes node_exporter 1.5.0) is a file error here, nothing more', async () => {
    const ours = await scrapeWith(startOurs, join(CASES_DIR, 'reserved_label'));
    expect(ours).toEqual(['# TYPE node_textfile_scrape_error gauge', 'node_textfile_scrape_error 1']);
  });
});
