import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, exporterFlags, MetricSink, resolveFlagValues, runScrape, silentLogger } from '@scrapekit/exporter-kit';
import { nodeCollectors } from '../src/collectors/index.js';
import { spec } from '../src/spec.js';
import { FIXTURES, flagDefaults } from './fixture-tree.js';

const fixtureFlags = {
  ...flagDefaults(),
  'path.procfs': `${FIXTURES}/proc`,
  'path.sysfs': `${FIXTURES}/sys`,
  'path.rootfs': FIXTURES,
  'path.udev.data': `${FIXTURES}/udev/data`,
};

/** The collectors the node-mixin and the common dashboards read: on by default, and fully served by the fixture trees. */
const MIXIN_COLLECTORS = new Set(['conntrack', 'cpu', 'diskstats', 'entropy', 'filefd', 'filesystem', 'loadavg', 'mdadm', 'meminfo', 'netdev',
  'netstat', 'os', 'pressure', 'sockstat', 'stat', 'textfile', 'time', 'timex', 'uname', 'vmstat']);
const coreCollectors = nodeCollectors.filter((c) => MIXIN_COLLECTORS.has(c.name));

/** Every flag the exporter takes, as the kit assembles them: the kit's, the exporter's own and each collector's. */
const declaredFlags = exporterFlags(spec);

/** Start-up as the kit runs it: the flags (as a user writes them) parsed by kind, then setup(). */
async function setup(flags: Record<string, unknown>) {
  if (!spec.setup) throw new Error('spec has no setup');
  return spec.setup({ flags: resolveFlagValues(declaredFlags, flags).flags, logger: silentLogger });
}

describe('node-exporter spec', () => {
  it('matches node_exporter identity', () => {
    expect(spec).toMatchObject({
      name: 'node-exporter',
      defaultListenAddress: ':9100',
      envPrefix: 'NODE_EXPORTER',
      buildInfoMetric: 'node_exporter_build_info',
      collectorMetrics: { duration: 'node_scrape_collector_duration_seconds', success: 'node_scrape_collector_success' },
      collectorFlagPrefix: 'collector',
    });
    expect(spec.version).toMatch(/^\d+\.\d+\.\d+/);
    const names = spec.collectors.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(coreCollectors).toHaveLength(MIXIN_COLLECTORS.size);
    for (const c of coreCollectors) expect(c.defaultEnabled).toBe(true);
    const flags = declaredFlags.map((f) => f.name);
    expect(new Set(flags).size).toBe(flags.length);
    expect(flags).toEqual(expect.arrayContaining(['path.procfs', 'path.sysfs', 'path.rootfs', 'path.udev.data', 'collector.textfile.directory',
      'collector.filesystem.mount-points-exclude', 'collector.filesystem.fs-types-exclude', 'collector.diskstats.device-exclude',
      'collector.netdev.device-include', 'collector.netdev.device-exclude', 'collector.vmstat.fields', 'collector.netstat.fields']));
  });

  it('rejects a bad regex or duration at start-up with a ConfigError naming the flag', async () => {
    await expect(setup({ ...fixtureFlags, 'collector.vmstat.fields': '([' })).rejects.toThrow(/--collector.vmstat.fields/);
    await expect(setup({ ...fixtureFlags, 'collector.vmstat.fields': '([' })).rejects.toBeInstanceOf(ConfigError);
    await expect(setup({ ...fixtureFlags, 'collector.filesystem.mount-timeout': 'soon' })).rejects.toBeInstanceOf(ConfigError);
    await expect(setup({ ...fixtureFlags, 'collector.netdev.device-include': 'a', 'collector.netdev.device-exclude': 'b' })).rejects.toThrow(/mutually exclusive/);
  });

  it('every core collector succeeds against the fixture trees through the kit', async () => {
    const runtime = await setup(fixtureFlags);
    const acquired = await runtime.acquire({ signal: new AbortController().signal, logger: silentLogger, out: new MetricSink() });
    if (!acquired.ok) throw new Error('acquire failed');
    const families = await runScrape({ collectors: coreCollectors, target: acquired.target, timeoutMs: 10_000, collectorMetrics: spec.collectorMetrics });
    const success = families.find((f) => f.name === 'node_scrape_collector_success');
    const failed = success?.samples.filter((s) => s.value !== 1).map((s) => s.labels.collector);
    // timex reads the live kernel; every other core collector reads only the fixtures.
    expect(failed).toEqual([]);
    expect(success?.samples).toHaveLength(coreCollectors.length);
  });

  it('an unreadable file fails only its collector', async () => {
    const root = mkdtempSync(join(tmpdir(), 'node-fixtures-'));
    try {
      cpSync(FIXTURES, root, { recursive: true });
      // A directory where a file is expected gives EISDIR even for root, unlike chmod.
      rmSync(join(root, 'proc', 'meminfo'));
      mkdirSync(join(root, 'proc', 'meminfo'));
      const runtime = await setup({ ...fixtureFlags, 'path.procfs': join(root, 'proc'), 'path.sysfs': join(root, 'sys'), 'path.rootfs': root });
      const acquired = await runtime.acquire({ signal: new AbortController().signal, logger: silentLogger, out: new MetricSink() });
      if (!acquired.ok) throw new Error('acquire failed');
      const families = await runScrape({ collectors: coreCollectors, target: acquired.target, timeoutMs: 10_000, collectorMetrics: spec.collectorMetrics });
      const success = families.find((f) => f.name === 'node_scrape_collector_success');
      expect(success?.samples.filter((s) => s.value === 0).map((s) => s.labels.collector)).toEqual(['meminfo']);
      expect(families.some((f) => f.name.startsWith('node_memory_'))).toBe(false);
      expect(families.some((f) => f.name === 'node_load1')).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('deprecated flags', () => {
  it('old filter flags still apply to the new ones', async () => {
    const runtime = await setup({ ...fixtureFlags, 'collector.netdev.device-blacklist': '^eth' });
    const acquired = await runtime.acquire({ signal: new AbortController().signal, logger: silentLogger, out: new MetricSink() });
    if (!acquired.ok) throw new Error('acquire failed');
    expect(acquired.target.regex('collector.netdev.device-exclude')?.test('eth0')).toBe(true);
    const families = await runScrape({ collectors: coreCollectors.filter((c) => c.name === 'netdev'), target: acquired.target, timeoutMs: 10_000 });
    const devices = families.find((f) => f.name === 'node_network_receive_bytes_total')?.samples.map((s) => s.labels.device).sort();
    expect(devices).toEqual(['bond0', 'lo']);
  });
});
