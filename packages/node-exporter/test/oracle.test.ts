/**
 * Oracle test: Debian's node_exporter (1.5.0) and ours, same collectors, same flags, scraped
 * Go → ours → Go; first on this host, then both reading our fixture tree (which has the hardware
 * this host lacks: hwmon, thermal zones, bonding, md RAID, NVMe, power supplies, ...). For every
 * collector both run: same families, types, label names and series; values inside the range the
 * two Go scrapes span (exact for stable gauges and for everything on the fixture tree, the
 * elapsed-time drift for counters). The rules and every deliberate exception, each with its
 * reason, are in e2e/oracle-rules.ts; the comparison is e2e/compare.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { missingDependency } from '../../../test/support/services.js';
import { compareWithOracle, type OracleRules, type Scrapes } from './e2e/compare.js';
import {
  collectorFlags,
  FIXTURE_PATH_FLAGS,
  GO_NODE_EXPORTER,
  goCollectors,
  goNodeExporterVersion,
  haveGoNodeExporter,
  ORACLE_VERSION,
  ourCollectors,
  scrapeText,
  startGo,
  startOurs,
  type RunningNodeExporter,
} from './e2e/exporters.js';
import { parseExposition, type Exposition } from './e2e/exposition.js';
import { FIXTURE_ORACLE_RULES, NOT_COMPARABLE_ON_FIXTURES, ORACLE_RULES, SAME_FILTER_FLAGS, SAME_OPTION_FLAGS, oracleCollectors } from './e2e/oracle-rules.js';

const missing = missingDependency(haveGoNodeExporter(), 'the node_exporter oracle (/usr/bin/prometheus-node-exporter)');
const skipWithoutOracle = (ctx: TestContext): void => {
  if (missing !== undefined) ctx.skip(missing);
};


interface Pair {
  readonly collectors: string[];
  readonly scrapes: Scrapes;
  readonly ours: RunningNodeExporter;
  stop(): Promise<void>;
}

/** Both exporters with the same arguments; one unmeasured round (caches primed), then Go → ours → Go. */
async function runPair(collectors: string[], extra: readonly string[], textfileDir: string): Promise<Pair> {
  const args = [...collectorFlags(collectors), ...SAME_FILTER_FLAGS, ...SAME_OPTION_FLAGS, `--collector.textfile.directory=${textfileDir}`, ...extra];
  const [go, ours] = await Promise.all([startGo(args), startOurs(args)]);
  try {
    await scrapeText(go.url);
    await scrapeText(ours.url);
    const goBefore = parseExposition(await scrapeText(go.url));
    const mine = parseExposition(await scrapeText(ours.url));
    const goAfter = parseExposition(await scrapeText(go.url));
    return { collectors, scrapes: { goBefore, ours: mine, goAfter }, ours, stop: async () => void (await Promise.all([go.stop(), ours.stop()])) };
  } catch (err) {
    await Promise.all([go.stop(), ours.stop()]);
    throw err;
  }
}

function successByCollector(e: Exposition): Map<string, number> {
  return new Map((e.get('node_scrape_collector_success')?.samples ?? []).map((s) => [s.labels.collector ?? '', s.value]));
}

function describePair(title: string, collectorsFor: (both: string[]) => string[], extra: readonly string[], rules: OracleRules): void {
  describe(title, () => {
    let textfileDir: string;
    let pair: Pair;
    beforeEach(skipWithoutOracle);

    beforeAll(async () => {
      if (missing !== undefined) return; // every test skips with this reason
      textfileDir = mkdtempSync(join(tmpdir(), 'oracle-textfile-'));
      writeFileSync(join(textfileDir, 'batch.prom'), '# HELP batch_last_success_seconds Last successful run.\n# TYPE batch_last_success_seconds gauge\nbatch_last_success_seconds{job="backup"} 1.7e+09\n');
      // A malformed file: both must report node_textfile_scrape_error 1 and keep batch.prom.
      writeFileSync(join(textfileDir, 'torn.prom'), 'torn_write{job="x" 1\n');
      pair = await runPair(collectorsFor(oracleCollectors(ourCollectors(), goCollectors())), extra, textfileDir);
    });

    afterAll(async () => {
      await pair?.stop();
      if (textfileDir) rmSync(textfileDir, { recursive: true, force: true });
    });

    it('has the same families, types, label names, series and values (within drift) as node_exporter', () => {
      const problems = compareWithOracle(pair.scrapes, rules);
      expect(problems, `differences from node_exporter 1.5.0 (${problems.length}):\n${problems.join('\n')}\n`).toEqual([]);
    });

    it('words its HELP texts itself: none is a copy of node_exporter\'s (project rule: our own prose)', () => {
      const copied = [...pair.scrapes.ours.values()]
        // node_* only: other families come from the shared textfile directory, HELP included.
        .filter((f) => f.name.startsWith('node_') && !ORACLE_RULES.notCompared.some((a) => a.family.test(f.name)))
        .filter((f) => f.help !== undefined && f.help !== '' && pair.scrapes.goBefore.get(f.name)?.help === f.help)
        .map((f) => `${f.name}: ${JSON.stringify(f.help)}`);
      expect(copied, `HELP identical to node_exporter's:\n${copied.join('\n')}\n`).toEqual([]);
    });

    it('reports every collector both run, with the same success value as node_exporter', () => {
      const goSuccess = successByCollector(pair.scrapes.goBefore);
      const ourSuccess = successByCollector(pair.scrapes.ours);
      expect([...ourSuccess.keys()].sort()).toEqual([...pair.collectors].sort());
      expect([...goSuccess.keys()].sort()).toEqual([...pair.collectors].sort());
      // Exact: node_exporter reports 0 for a collector that found no data (ErrNoData), and so do we
      // (the kit's NoDataError under noDataSuccess: 0).
      const differing = [...goSuccess].filter(([c, v]) => ourSuccess.get(c) !== v).map(([c, v]) => `${c}: node_exporter ${v}, ours ${ourSuccess.get(c)}`);
      expect(differing, `collectors whose success differs from node_exporter's:\n${differing.join('\n')}\n${pair.ours.logs()}`).toEqual([]);
    });
  });
}

describe('the oracle itself', () => {
  beforeEach(skipWithoutOracle);
  it(`is node_exporter ${ORACLE_VERSION}, the release these comparisons are written against`, () => {
    const version = goNodeExporterVersion();
    console.log(`node oracle: ${GO_NODE_EXPORTER} is node_exporter ${version ?? '(version unreadable)'}`);
    expect(version, 'another node_exporter release changes what "compatible" means: review oracle-rules.ts, then ORACLE_VERSION').toBe(ORACLE_VERSION);
  });
});

describePair('oracle on this host: node_exporter 1.5.0 beside ours (real /proc, /sys)', (both) => {
  for (const core of ['cpu', 'meminfo', 'filesystem', 'netdev', 'diskstats', 'loadavg', 'uname', 'textfile']) {
    if (!both.includes(core)) throw new Error(`collector ${core} is not run by both exporters; the oracle test would prove little`);
  }
  return both;
}, [], ORACLE_RULES);

describePair(
  'oracle on the fixture tree: both exporters read test/fixtures',
  (both) => both.filter((c) => !(c in NOT_COMPARABLE_ON_FIXTURES)),
  FIXTURE_PATH_FLAGS,
  FIXTURE_ORACLE_RULES,
);

describe('oracle: --web.disable-exporter-metrics', () => {
  beforeEach(skipWithoutOracle);
  it('drops the same families as node_exporter (process/runtime ones) and keeps node_exporter_build_info', async () => {
    const args = ['--collector.disable-defaults', '--collector.loadavg', '--web.disable-exporter-metrics'];
    const [go, ours] = await Promise.all([startGo(args), startOurs(args)]);
    try {
      // Runtime families (promhttp_*, go_*, process_*, nodejs_*) are left out as everywhere in this
      // test: node_exporter 1.5.0 even keeps promhttp_metric_handler_errors_total here.
      const names = async (url: string): Promise<string[]> =>
        [...parseExposition(await scrapeText(url)).entries()]
          .filter(([n, f]) => f.samples.length > 0 && !ORACLE_RULES.notCompared.some((a) => a.family.test(n)))
          .map(([n]) => n)
          .sort();
      // node_exporter keeps its build info (the node-mixin's USE dashboards read it).
      const [mine, theirs] = [await names(ours.url), await names(go.url)];
      const missing = theirs.filter((n) => !mine.includes(n));
      const extra = mine.filter((n) => !theirs.includes(n));
      expect({ missing, extra }, `with --web.disable-exporter-metrics: missing in ours ${missing.join(', ') || '-'}; only in ours ${extra.join(', ') || '-'}`).toEqual({ missing: [], extra: [] });
    } finally {
      await Promise.all([go.stop(), ours.stop()]);
    }
  });
});
