/**
 * Every node_* family the node-mixin's alerts, recording rules and dashboards read is emitted,
 * with the type node_exporter gives it and the labels (and label values) the mixin's queries
 * select on. The list and where each family is proven (this host, the fixture tree, systemd) are
 * in mixin-families.data.ts.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOnce, exporterFlags, renderText, resolveFlagValues } from '@scrapekit/exporter-kit';
import { createSystemdCollector, type SystemctlRunner } from '../src/collectors/systemd.js';
import { createNodeContext } from '../src/context.js';
import { spec } from '../src/spec.js';
import { collectorFlags, FIXTURE_PATH_FLAGS, scrapeText, startOurs, type RunningNodeExporter } from './e2e/exporters.js';
import { labelNameSets, parseExposition, type Exposition } from './e2e/exposition.js';
import { MIXIN_FAMILIES, type MixinFamily } from './mixin-families.data.js';

/** What is wrong with `fam` in `expo`, one line per problem; empty when the mixin can use it. */
function problemsWith(expo: Exposition, fam: MixinFamily, where: string): string[] {
  const f = expo.get(fam.name);
  if (!f || f.samples.length === 0) return [`${fam.name} (${fam.collector}, used by ${fam.usedBy.join('/')}): not emitted on ${where}`];
  const problems: string[] = [];
  if (f.type !== fam.type) problems.push(`${fam.name}: type ${f.type}, node_exporter's is ${fam.type}`);
  for (const label of fam.labels ?? []) {
    if (!f.samples.every((s) => label in s.labels)) problems.push(`${fam.name}: label "${label}" missing (label sets: ${labelNameSets(f).map((l) => `[${l}]`).join(' ')})`);
  }
  for (const [label, wanted] of Object.entries(fam.values ?? {})) {
    const seen = new Set(f.samples.map((s) => s.labels[label]));
    const absent = wanted.filter((v) => !seen.has(v));
    if (absent.length) problems.push(`${fam.name}: no series with ${label}=${absent.map((v) => JSON.stringify(v)).join('/')} (seen: ${[...seen].join(', ')})`);
  }
  return problems;
}

function familiesFrom(source: MixinFamily['source']): MixinFamily[] {
  return MIXIN_FAMILIES.filter((f) => f.source === source);
}

/**
 * A stand-in for `systemctl` on hosts not booted with systemd: answers the calls the collector
 * makes with output shaped like systemd 252's (one failed service, one that restarted).
 */
const standInSystemctl: SystemctlRunner = async (args) => {
  switch (args[0]) {
    case 'list-units':
      return [
        '  ssh.service        loaded active running OpenBSD Secure Shell server',
        '● worker.service     loaded failed failed  Queue worker',
        '  logrotate.timer    loaded active waiting Daily rotation of log files',
      ].join('\n') + '\n';
    case 'is-system-running':
      return 'degraded\n';
    case '--version':
      return 'systemd 252 (252.38-1~deb12u1)\n';
    case 'show': {
      const units = args.slice(args.indexOf('--') + 1);
      const props: Record<string, string> = {
        'ssh.service': 'Type=notify\nNRestarts=0',
        'worker.service': 'Type=simple\nNRestarts=7',
        'logrotate.timer': 'LastTriggerUSec=@1764000000',
      };
      return units.map((u) => `Id=${u}\n${props[u] ?? ''}\n`).join('\n');
    }
    default:
      throw new Error(`stand-in systemctl: unexpected call ${args.join(' ')}`);
  }
};

/** Every flag at its default, as the exporter's command line would give them. */
function defaultFlags(): Record<string, string | boolean | number | readonly string[]> {
  const flags: Record<string, string | boolean | number | readonly string[]> = {};
  for (const f of exporterFlags(spec)) if (f.default !== undefined) flags[f.name] = f.default;
  return flags;
}

const systemdBooted = existsSync('/run/systemd/system');

describe('node-mixin families', () => {
  let host: RunningNodeExporter;
  let hostScrape: Exposition;

  beforeAll(async () => {
    // A default install: every default collector, exporter metrics on (node_exporter_build_info).
    host = await startOurs([]);
    hostScrape = parseExposition(await scrapeText(host.url));
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('lists the 45 Linux families of the mixin, each proven from one source', () => {
    expect(new Set(MIXIN_FAMILIES.map((f) => f.name)).size).toBe(MIXIN_FAMILIES.length);
    expect(MIXIN_FAMILIES.length).toBe(45);
  });

  it('on this host (real /proc and /sys), a default scrape has every family the mixin reads from host data', () => {
    const problems = familiesFrom('host').flatMap((f) => problemsWith(hostScrape, f, 'this host'));
    expect(problems, `${problems.join('\n')}\n`).toEqual([]);
  });

  it('on the fixture tree, the families that need hardware this host may lack (bonding, md RAID)', async () => {
    const wanted = familiesFrom('fixtures');
    const collectors = [...new Set(wanted.map((f) => f.collector))];
    const fixtures = await startOurs([
      ...collectorFlags(collectors),
      ...FIXTURE_PATH_FLAGS,
    ]);
    try {
      const scrape = parseExposition(await scrapeText(fixtures.url));
      const problems = wanted.flatMap((f) => problemsWith(scrape, f, 'the fixture tree'));
      expect(problems, `${problems.join('\n')}\n${fixtures.logs()}`).toEqual([]);
    } finally {
      await fixtures.stop();
    }
  });

  it('systemd families with --collector.systemd on this host (booted with systemd)', async ({ skip }) => {
    skip(!systemdBooted, 'this host was not booted with systemd (no /run/systemd/system): the stand-in systemctl test covers the families');
    const exporter = await startOurs(['--collector.systemd', '--collector.systemd.enable-restarts-metrics']);
    try {
      const scrape = parseExposition(await scrapeText(exporter.url));
      // A healthy host has no failed unit, so the state="failed" series is checked for presence
      // only through the label set: every unit has one series per state, failed included.
      const problems = familiesFrom('systemd').flatMap((f) => problemsWith(scrape, f, 'this host'));
      expect(problems, `${problems.join('\n')}\n${exporter.logs()}`).toEqual([]);
    } finally {
      await exporter.stop();
    }
  });

  it.runIf(!systemdBooted)('systemd families with --collector.systemd (this host has no systemd: collector run against a stand-in systemctl)', async () => {
    const ctx = createNodeContext(resolveFlagValues(exporterFlags(spec), { ...defaultFlags(), 'collector.systemd.enable-restarts-metrics': true }).flags);
    const collector = createSystemdCollector({ systemctl: standInSystemctl, booted: async () => true });
    const scrape = parseExposition(renderText(await collectOnce(collector, ctx)));
    const problems = familiesFrom('systemd').flatMap((f) => problemsWith(scrape, f, 'the stand-in systemd'));
    expect(problems, `${problems.join('\n')}\n`).toEqual([]);
  });
});
