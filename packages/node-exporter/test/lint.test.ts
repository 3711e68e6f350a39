/**
 * `promtool check metrics` over our full output, on this host and on the fixture tree (which has
 * the hardware this host lacks: hwmon, bonding, md RAID, ...). A finding is accepted only when
 * node_exporter's own output, linted the same way on the same data, has the same finding for the
 * same name (its kernel-derived CamelCase meminfo/netstat names, say): there compatibility wins.
 * Anything promtool cannot parse is always a failure.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { havePromtool, promtoolCheckMetrics, type LintFinding } from '../../../test/support/promtool.js';
import { missingDependency } from '../../../test/support/services.js';
import {
  collectorFlags,
  FIXTURE_PATH_FLAGS,
  goCollectors,
  haveGoNodeExporter,
  ourCollectors,
  scrapeText,
  startGo,
  startOurs,
  type RunningNodeExporter,
} from './e2e/exporters.js';

const missing =
  missingDependency(havePromtool(), 'promtool (/usr/bin/promtool)') ??
  missingDependency(haveGoNodeExporter(), 'the node_exporter oracle (/usr/bin/prometheus-node-exporter)');


const key = (f: LintFinding): string => `${f.metric} ${f.problem}`;

describe('promtool check metrics', () => {
  const running: RunningNodeExporter[] = [];
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });

  /** Lints ours and node_exporter's output for the same paths; returns our findings node_exporter does not share. */
  async function lintBoth(paths: readonly string[]): Promise<{ ours: string[]; errors: string[]; families: number }> {
    const all = [...ourCollectors().keys()];
    const goHas = goCollectors();
    const [mine, go] = await Promise.all([
      startOurs([...collectorFlags(all), ...paths]),
      startGo([...collectorFlags(all.filter((c) => goHas.has(c))), ...paths]),
    ]);
    running.push(mine, go);
    const [ourText, goText] = await Promise.all([scrapeText(mine.url), scrapeText(go.url)]);
    const [ourLint, goLint] = await Promise.all([promtoolCheckMetrics(ourText), promtoolCheckMetrics(goText)]);
    const goFindings = new Set(goLint.findings.map(key));
    const ours = ourLint.findings.map(key).filter((k) => !goFindings.has(k));
    return { ours, errors: ourLint.errors, families: ourText.match(/^# TYPE /gm)?.length ?? 0 };
  }

  it('on this host, every collector enabled: no finding node_exporter does not share, no parse error', async () => {
    const r = await lintBoth([]);
    expect(r.families, 'our output is too small to be a full scrape').toBeGreaterThan(100);
    expect(r.errors, `promtool could not read our output:\n${r.errors.join('\n')}`).toEqual([]);
    expect(r.ours, `findings only in our output:\n${r.ours.join('\n')}\n`).toEqual([]);
  });

  it('on the fixture tree, every collector enabled: no finding node_exporter does not share, no parse error', async () => {
    const r = await lintBoth(FIXTURE_PATH_FLAGS);
    expect(r.families, 'our output is too small to be a full scrape').toBeGreaterThan(100);
    expect(r.errors, `promtool could not read our output:\n${r.errors.join('\n')}`).toEqual([]);
    expect(r.ours, `findings only in our output:\n${r.ours.join('\n')}\n`).toEqual([]);
  });
});
