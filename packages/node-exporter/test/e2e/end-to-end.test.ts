/**
 * Golden end-to-end test, as node_exporter's end-to-end-test.sh: the exporter runs against our
 * fixture trees (test/fixtures as /proc, /sys, the root filesystem and the udev database) with an
 * explicit collector list, and its whole /metrics output is diffed with expected.txt.
 *
 *   UPDATE_GOLDEN=1 npx vitest run packages/node-exporter/test/e2e/end-to-end.test.ts
 *
 * regenerates expected.txt; review the diff before committing it.
 *
 * Normalised (they depend on the machine running the test, not on the fixtures), and stated in
 * the header of expected.txt:
 *  - node_scrape_collector_duration_seconds values → 0;
 *  - node_exporter_build_info label values → * (they name the build and the Node.js runtime);
 *  - node_filesystem_{size,free,avail}_bytes and node_filesystem_files{,_free} values → 0: statfs
 *    of a fixture directory measures the disk the checkout is on (labels, readonly and
 *    device_error stay: they come from the fixture mountinfo);
 *  - the absolute paths of the fixture tree and of the textfile copy → <fixtures>, <textfile>.
 * Not normalised: the page size (sockstat's *_mem_bytes are pages × the running kernel's page
 * size), so expected.txt is for 4 KiB-page machines, as node_exporter's e2e-output.txt is.
 * The textfile directory is copied and every file's mtime set to TEXTFILE_MTIME, so
 * node_textfile_mtime_seconds is compared as is.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCI } from '../../../../test/support/services.js';
import { collectorFlags, FIXTURE_PATH_FLAGS, FIXTURES, ourCollectors, scrapeText, startOurs, type RunningNodeExporter } from './exporters.js';

const EXPECTED = fileURLToPath(new URL('./expected.txt', import.meta.url));
const TEXTFILE_SOURCE = fileURLToPath(new URL('./textfile', import.meta.url));
const TEXTFILE_MTIME = 1_700_000_000;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Every collector that reads only the fixture trees (or the flags) and so is deterministic here. */
const ENABLED = [
  'arp', 'bcache', 'bcachefs', 'bonding', 'btrfs', 'buddyinfo', 'cgroups', 'conntrack', 'cpu',
  'cpu_vulnerabilities', 'cpufreq', 'diskstats', 'dmi', 'dmmultipath', 'drbd', 'drm', 'edac', 'entropy',
  'fibrechannel', 'filefd', 'filesystem', 'hwmon', 'infiniband', 'interrupts', 'ipvs', 'kernel_hung', 'ksmd',
  'lnstat', 'loadavg', 'mdadm', 'meminfo', 'meminfo_numa', 'mountstats', 'netclass', 'netdev', 'netstat',
  'nfs', 'nfsd', 'nvme', 'os', 'powersupplyclass', 'pressure', 'processes', 'rapl', 'schedstat', 'selinux',
  'slabinfo', 'sockstat', 'softirqs', 'softnet', 'stat', 'swap', 'sysctl', 'tapestats', 'tcpstat',
  'textfile', 'thermal_zone', 'udp_queues', 'uname', 'vmstat', 'watchdog', 'xfrm', 'xfs', 'zfs', 'zoneinfo',
];

/** Collector options, as node_exporter's end-to-end test sets them, so optional families show too. */
const OPTIONS = [
  '--collector.bcache.priorityStats',
  '--collector.cpu.info',
  '--collector.cpu.info.flags-include=^(aes|avx.?|constant_tsc)$',
  '--collector.cpu.info.bugs-include=^(cpu_meltdown|spectre_.*|mds)$',
  '--collector.stat.softirq',
  '--collector.sysctl.include=fs.file-nr',
  '--collector.sysctl.include=fs.file-nr:total,current,max',
  '--collector.sysctl.include=kernel.threads-max',
  '--collector.sysctl.include-info=kernel.ostype',
];

/** Collectors left out because they read the live host whatever the paths say. */
const HOST_ONLY: Record<string, string> = {
  time: 'the wall clock and the host time zone',
  timex: 'adjtimex(2) on the host kernel',
  systemd: "the host's systemd through systemctl",
  network_route: "the host kernel's routing tables over rtnetlink (test/syscall/live-host.test.ts compares them with ip route)",
  qdisc: "the host kernel's qdiscs over rtnetlink (fixtures input: test/collectors/qdisc.test.ts)",
  ethtool: 'SIOCETHTOOL on the host kernel for each /sys/class/net device',
  wifi: "the host kernel's nl80211 (fixtures input: test/collectors/wifi.test.ts)",
  ntp: 'asks an NTP server over UDP (test/collectors/ntp.test.ts runs one: chronyd on loopback)',
  logind: "the host's D-Bus system bus (test/collectors/logind.test.ts runs a private one)",
  perf: "perf_event_open counters of the host kernel",
};

/** Families whose values come from statfs of the checkout's disk (see the header). */
const STATFS_VALUES = /^node_filesystem_(size_bytes|free_bytes|avail_bytes|files|files_free)\{/;

const HEADER = [
  '# Golden output of test/e2e/end-to-end.test.ts (regenerate: UPDATE_GOLDEN=1 npx vitest run <that file>).',
  '# Normalised: node_scrape_collector_duration_seconds and statfs-derived node_filesystem_* values are 0;',
  '# node_exporter_build_info label values are *; <fixtures> and <textfile> stand for the fixture tree and',
  '# the textfile directory copy.',
];

function normalise(text: string, textfileDir: string): string {
  const lines = text
    .replaceAll(textfileDir, '<textfile>')
    .replaceAll(FIXTURES, '<fixtures>')
    .split('\n')
    .map((line) => {
      if (line.startsWith('node_scrape_collector_duration_seconds{') || STATFS_VALUES.test(line)) {
        return line.replace(/ \S+$/, ' 0');
      }
      // Version, revision and runtime vary by build and machine; the label names are checked.
      if (line.startsWith('node_exporter_build_info{')) return line.replace(/="[^"]*"/g, '="*"');
      return line;
    });
  return [...HEADER, ...lines].join('\n');
}

/** Lines only on one side, in order, for a failure message a reader can act on. */
function lineDiff(expected: string, actual: string, max = 40): string {
  const want = new Set(expected.split('\n'));
  const got = new Set(actual.split('\n'));
  const missing = expected.split('\n').filter((l) => !got.has(l));
  const extra = actual.split('\n').filter((l) => !want.has(l));
  const show = (label: string, ls: string[]): string =>
    ls.length ? `${label} (${ls.length}):\n${ls.slice(0, max).map((l) => `  ${l}`).join('\n')}${ls.length > max ? '\n  ...' : ''}\n` : '';
  const body = show('- expected, not produced', missing) + show('+ produced, not expected', extra);
  return body || 'same lines, different order\n';
}

describe('golden end-to-end output on the fixture trees', () => {
  let textfileDir: string;
  let exporter: RunningNodeExporter;
  let output: string;

  beforeAll(async () => {
    textfileDir = mkdtempSync(join(tmpdir(), 'e2e-textfile-'));
    cpSync(TEXTFILE_SOURCE, textfileDir, { recursive: true });
    for (const f of readdirSync(textfileDir)) utimesSync(join(textfileDir, f), TEXTFILE_MTIME, TEXTFILE_MTIME);
    exporter = await startOurs([
      ...collectorFlags(ENABLED),
      ...FIXTURE_PATH_FLAGS,
      `--collector.textfile.directory=${textfileDir}`,
      ...OPTIONS,
      '--web.disable-exporter-metrics',
    ]);
    output = normalise(await scrapeText(exporter.url), textfileDir);
  });

  afterAll(async () => {
    await exporter?.stop();
    if (textfileDir) rmSync(textfileDir, { recursive: true, force: true });
  });

  it('classifies every registered collector: enabled here, or left out with a reason', () => {
    const unclassified = [...ourCollectors().keys()].filter((c) => !ENABLED.includes(c) && !(c in HOST_ONLY));
    const unknown = ENABLED.filter((c) => !ourCollectors().has(c));
    expect(unclassified, 'new collectors: add each to ENABLED (and regenerate expected.txt) or to HOST_ONLY with the reason').toEqual([]);
    expect(unknown, 'ENABLED names collectors the exporter does not register').toEqual([]);
  });

  it('every enabled collector ran and succeeded', () => {
    const failed = ENABLED.filter((c) => !output.includes(`node_scrape_collector_success{collector="${c}"} 1`));
    expect(failed, `collectors without success 1:\n${exporter.logs()}`).toEqual([]);
  });

  it('produces exactly test/e2e/expected.txt', () => {
    // CI compares; it never writes the golden file, or a changed output would pass unreviewed.
    if (inCI && (UPDATE || !existsSync(EXPECTED))) {
      throw new Error(UPDATE
        ? 'UPDATE_GOLDEN=1 is refused under CI=true: regenerate expected.txt locally and commit the reviewed diff'
        : `${EXPECTED} is missing; generate it locally (UPDATE_GOLDEN=1) and commit it`);
    }
    if (UPDATE || !existsSync(EXPECTED)) {
      writeFileSync(EXPECTED, output);
      if (!UPDATE) throw new Error(`${EXPECTED} did not exist; written now: review it and commit it`);
      return;
    }
    const expected = readFileSync(EXPECTED, 'utf8');
    if (output !== expected) {
      throw new Error(`output differs from expected.txt (UPDATE_GOLDEN=1 regenerates it; review the diff):\n${lineDiff(expected, output)}`);
    }
  });
});
