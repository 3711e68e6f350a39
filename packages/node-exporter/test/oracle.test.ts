/**
 * Oracle test: Debian's node_exporter (1.5.0) and ours on this host, same collectors, same
 * textfile directory, scraped Go → ours → Go. For every collector both run: same families,
 * types, label names and series; values inside the range the two Go scrapes span (exact for
 * stable gauges, the elapsed-time drift for counters); see e2e/compare.ts and e2e/oracle-rules.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDependency } from '../../../test/support/services.js';
import { compareWithOracle } from './e2e/compare.js';
import {
  collectorFlags,
  goCollectors,
  haveGoNodeExporter,
  ourCollectors,
  scrapeText,
  startGo,
  startOurs,
  type RunningNodeExporter,
} from './e2e/exporters.js';
import { parseExposition, type Exposition } from './e2e/exposition.js';
import { ORACLE_RULES, SAME_FILTER_FLAGS, oracleCollectors } from './e2e/oracle-rules.js';

const available = requireDependency(haveGoNodeExporter(), 'the node_exporter oracle (/usr/bin/prometheus-node-exporter)');

describe.runIf(available)('oracle: node_exporter 1.5.0 beside ours on this host', () => {
  let textfileDir: string;
  let go: RunningNodeExporter;
  let ours: RunningNodeExporter;
  let collectors: string[];
  let scrapes: { goBefore: Exposition; ours: Exposition; goAfter: Exposition };

  beforeAll(async () => {
    textfileDir = mkdtempSync(join(tmpdir(), 'oracle-textfile-'));
    writeFileSync(join(textfileDir, 'batch.prom'), '# HELP batch_last_success_seconds Last successful run.\n# TYPE batch_last_success_seconds gauge\nbatch_last_success_seconds{job="backup"} 1.7e+09\n');
    collectors = oracleCollectors(ourCollectors(), goCollectors());
    const args = [...collectorFlags(collectors), ...SAME_FILTER_FLAGS, `--collector.textfile.directory=${textfileDir}`];
    [go, ours] = await Promise.all([startGo(args), startOurs(args)]);
    // One unmeasured round first: both exporters' first scrape primes caches (cpu counters, mounts).
    await scrapeText(go.url);
    await scrapeText(ours.url);
    const goBefore = parseExposition(await scrapeText(go.url));
    const mine = parseExposition(await scrapeText(ours.url));
    const goAfter = parseExposition(await scrapeText(go.url));
    scrapes = { goBefore, ours: mine, goAfter };
  });

  afterAll(async () => {
    await go?.stop();
    await ours?.stop();
    if (textfileDir) rmSync(textfileDir, { recursive: true, force: true });
  });

  it('runs a meaningful collector set', () => {
    for (const core of ['cpu', 'meminfo', 'filesystem', 'netdev', 'diskstats', 'loadavg', 'uname']) expect(collectors).toContain(core);
  });

  it('has the same families, types, label names, series and values (within drift) as node_exporter', () => {
    const problems = compareWithOracle(scrapes, ORACLE_RULES);
    expect(problems, `differences from node_exporter 1.5.0 (${problems.length}):\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('reports every collector both run, and succeeds wherever node_exporter succeeds', () => {
    const success = (e: Exposition): Map<string, number> =>
      new Map((e.get('node_scrape_collector_success')?.samples ?? []).map((s) => [s.labels.collector ?? '', s.value]));
    const goSuccess = success(scrapes.goBefore);
    const ourSuccess = success(scrapes.ours);
    expect([...ourSuccess.keys()].sort()).toEqual([...goSuccess.keys()].sort());
    const failing = [...goSuccess].filter(([c, v]) => v === 1 && ourSuccess.get(c) !== 1).map(([c]) => c);
    expect(failing, `collectors that succeed in node_exporter but not in ours: ${failing.join(', ')}\n${ours.logs()}`).toEqual([]);
  });
});
