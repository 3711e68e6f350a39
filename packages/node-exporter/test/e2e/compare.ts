/**
 * Compares our exposition with node_exporter's, taken on the same host in the order
 * Go → ours → Go. Every difference becomes one line naming the family and what differs, so a
 * failing oracle test says exactly what to fix.
 *
 * Values: a series of ours must lie within the range the two bracketing Go scrapes span
 * (plus a relative 1e-9 for float formatting). For a stable gauge (MemTotal, a filesystem size,
 * an info metric) the range is one point, so that is exact equality; for a counter it is the
 * growth over the time between the two Go scrapes, i.e. a tolerance proportional to the elapsed
 * time at the counter's own rate. Gauges that move both ways between scrapes (free memory, load)
 * are listed as volatile and get an explicit tolerance instead.
 */
import { labelNameSets, seriesKey, type ExpoFamily, type Exposition } from './exposition.js';

export interface Allowance {
  /** Family names this entry covers. */
  readonly family: RegExp;
  /** Why the difference is deliberate or unavoidable: shown in the test source, kept short. */
  readonly reason: string;
}

export interface VolatileGauge extends Allowance {
  /** Extra room beyond the Go bracket: absolute, and relative to the larger Go value. */
  readonly absolute?: number;
  readonly relative?: number;
}

/** A family where ours carries labels a later node_exporter added: stripped, then compared exactly. */
export interface AddedLabels extends Allowance {
  readonly labels: readonly string[];
}

/** One series (or several) whose value node_exporter gets wrong: ours is not compared with it. */
export interface SeriesAllowance extends Allowance {
  /** Matched against the series key, e.g. `node_x{a="1"}`. */
  readonly series: RegExp;
}

export interface OracleRules {
  /** Families not compared at all (runtime self-metrics of two different languages, scrape meta). */
  readonly notCompared: readonly Allowance[];
  /** Families node_exporter 1.5.0 emits and we deliberately do not. */
  readonly onlyGo: readonly Allowance[];
  /** Families we emit and node_exporter 1.5.0 does not. */
  readonly onlyOurs: readonly Allowance[];
  /** Families whose label names deliberately differ. */
  readonly labelsDiffer: readonly Allowance[];
  /** Families where ours has exactly these extra labels on every series; the rest must match. */
  readonly addedLabels: readonly AddedLabels[];
  /** Families whose series (label values) may differ: compared by label names only. */
  readonly seriesDiffer: readonly Allowance[];
  /** Families whose values are not compared exactly (see VolatileGauge). */
  readonly volatile: readonly VolatileGauge[];
  /** Series where node_exporter 1.5.0's value is wrong and ours is right. */
  readonly oracleWrong: readonly SeriesAllowance[];
  /** Series we emit and node_exporter 1.5.0 does not (a label value a later release added). */
  readonly onlyOursSeries: readonly SeriesAllowance[];
}

export interface Scrapes {
  readonly goBefore: Exposition;
  readonly ours: Exposition;
  readonly goAfter: Exposition;
}

function match<T extends Allowance>(list: readonly T[], name: string): T | undefined {
  return list.find((a) => a.family.test(name));
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(12).replace(/\.?0+$/, '');
}

const MAX_LISTED = 6;
function listSome(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(' ');
  return items.length > MAX_LISTED ? `${shown} (+${items.length - MAX_LISTED} more)` : shown;
}

function byKey(f: ExpoFamily | undefined): Map<string, number> {
  return new Map((f?.samples ?? []).map((s) => [seriesKey(s), s.value]));
}

function compareValues(name: string, go1: ExpoFamily, ours: ExpoFamily, go2: ExpoFamily | undefined, rules: OracleRules): string[] {
  const problems: string[] = [];
  const before = byKey(go1);
  const after = byKey(go2);
  const tolerance = match(rules.volatile, name);
  for (const s of ours.samples) {
    const key = seriesKey(s);
    if (rules.oracleWrong.some((w) => w.family.test(name) && w.series.test(key))) continue;
    const a = before.get(key);
    const b = after.get(key) ?? a;
    if (a === undefined || b === undefined) continue; // reported by the series comparison
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(s.value)) {
      if (!(Number.isNaN(a) && Number.isNaN(s.value))) problems.push(`${key}: ours ${fmt(s.value)}, node_exporter ${fmt(a)}`);
      continue;
    }
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const scale = Math.max(Math.abs(lo), Math.abs(hi));
    const slack = 1e-9 * scale + (tolerance ? (tolerance.absolute ?? 0) + (tolerance.relative ?? 0) * scale : 0);
    if (s.value < lo - slack || s.value > hi + slack) {
      const range = lo === hi ? fmt(lo) : `${fmt(lo)}..${fmt(hi)}`;
      problems.push(`${key}: ours ${fmt(s.value)}, node_exporter ${range}${tolerance ? ` (tolerance ${fmt(slack)})` : ''}`);
    }
  }
  return problems;
}

/** The family with `labels` removed from every series; a series lacking one is a problem. */
function withoutLabels(f: ExpoFamily, labels: readonly string[], problems: string[]): ExpoFamily {
  const samples = f.samples.map((s) => {
    const absent = labels.filter((l) => !(l in s.labels));
    if (absent.length > 0) problems.push(`${seriesKey(s)}: lacks the label(s) ${absent.join(', ')} that ours adds to ${f.name}`);
    return { ...s, labels: Object.fromEntries(Object.entries(s.labels).filter(([k]) => !labels.includes(k))) };
  });
  return { ...f, samples };
}

/** One line per difference; empty when the outputs agree under the rules. */
export function compareWithOracle(scrapes: Scrapes, rules: OracleRules): string[] {
  const { goBefore, ours, goAfter } = scrapes;
  const problems: string[] = [];
  const names = [...new Set([...goBefore.keys(), ...ours.keys()])].sort();
  for (const name of names) {
    if (match(rules.notCompared, name)) continue;
    const go = goBefore.get(name);
    const mine = ours.get(name);
    const goHas = go !== undefined && go.samples.length > 0;
    const oursHas = mine !== undefined && mine.samples.length > 0;
    if (!goHas && !oursHas) continue;
    if (goHas && !oursHas) {
      if (!match(rules.onlyGo, name)) problems.push(`${name}: missing in ours (node_exporter: ${go.type}, ${go.samples.length} series, labels ${labelNameSets(go).map((l) => `[${l}]`).join(' ')})`);
      continue;
    }
    if (!goHas && oursHas) {
      if (!match(rules.onlyOurs, name)) problems.push(`${name}: only in ours (${mine.type}, ${mine.samples.length} series)`);
      continue;
    }
    const g = go!;
    const added = match(rules.addedLabels, name);
    const o = added ? withoutLabels(mine!, added.labels, problems) : mine!;
    if (g.type !== o.type) problems.push(`${name}: type ours ${o.type}, node_exporter ${g.type}`);
    const goLabels = labelNameSets(g);
    const ourLabels = labelNameSets(o);
    const labelsAllowed = match(rules.labelsDiffer, name);
    if (!labelsAllowed && goLabels.join(' ') !== ourLabels.join(' ')) {
      problems.push(`${name}: label names ours ${ourLabels.map((l) => `[${l}]`).join(' ')}, node_exporter ${goLabels.map((l) => `[${l}]`).join(' ')}`);
      continue;
    }
    if (labelsAllowed || match(rules.seriesDiffer, name)) continue;
    const goKeys = new Set(g.samples.map(seriesKey));
    const ourKeys = new Set(o.samples.map(seriesKey));
    const missing = [...goKeys].filter((k) => !ourKeys.has(k));
    const extra = [...ourKeys].filter((k) => !goKeys.has(k) && !rules.onlyOursSeries.some((a) => a.family.test(name) && a.series.test(k)));
    if (missing.length) problems.push(`${name}: series missing in ours: ${listSome(missing)}`);
    if (extra.length) problems.push(`${name}: series only in ours: ${listSome(extra)}`);
    problems.push(...compareValues(name, g, o, goAfter.get(name), rules));
  }
  return problems;
}
