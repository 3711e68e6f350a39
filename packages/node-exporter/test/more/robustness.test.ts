import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../../src/context.js';
import { nodeCollectors } from '../../src/collectors/index.js';
import { ParseError } from '../../src/procfs/errors.js';
import { fixtureContext, run } from './helpers.js';

const byName = new Map(nodeCollectors.map((c) => [c.name, c]));
const collector = (name: string): Collector<NodeContext> => {
  const c = byName.get(name);
  if (!c) throw new Error(`no collector ${name}`);
  return c;
};

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A throw-away root with the given files; a value of null makes that path a directory (unreadable as a file: EISDIR). */
function tree(files: Record<string, string | null>): NodeContext {
  const root = mkdtempSync(join(tmpdir(), 'ne-more-'));
  roots.push(root);
  mkdirSync(join(root, 'proc'), { recursive: true });
  mkdirSync(join(root, 'sys'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (content === null) {
      mkdirSync(full, { recursive: true });
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return fixtureContext({}, root);
}

describe('absent feature → NoDataError (success, nothing emitted)', () => {
  const empty = tree({});
  // The default-on collectors of optional kernel features and hardware (selinux reports enabled 0 instead).
  const optional = ['arp', 'bcache', 'bcachefs', 'bonding', 'btrfs', 'cpufreq', 'dmi', 'dmmultipath', 'edac', 'fibrechannel', 'hwmon', 'infiniband',
    'ipvs', 'kernel_hung', 'netclass', 'nfs', 'nfsd', 'nvme', 'powersupplyclass', 'rapl', 'schedstat', 'softnet', 'tapestats',
    'thermal_zone', 'udp_queues', 'watchdog', 'xfs', 'zfs'];
  for (const c of optional.map(collector)) {
    it(c.name, async () => {
      await expect(run(c, empty)).rejects.toBeInstanceOf(NoDataError);
    });
  }
});

describe('unreadable file → the collector fails (success 0), with a real error', () => {
  const cases: Array<[string, Record<string, string | null>]> = [
    ['softnet', { 'proc/net/softnet_stat': null }],
    ['schedstat', { 'proc/schedstat': null }],
    ['arp', { 'proc/net/arp': null }],
    ['nfs', { 'proc/net/rpc/nfs': null }],
    ['kernel_hung', { 'proc/sys/kernel/hung_task_detect_count': null }],
    ['bonding', { 'sys/class/net/bonding_masters': null }],
    ['edac', { 'sys/devices/system/edac/mc/mc0/ce_count': null, 'sys/devices/system/edac/mc/mc0/ue_count': '0\n' }],
    ['interrupts', { 'proc/interrupts': null }],
  ];
  for (const [name, files] of cases) {
    it(name, async () => {
      const err = await run(collector(name), tree(files)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(NoDataError);
    });
  }
});

describe('malformed file → ParseError (success 0), never a crash', () => {
  const cases: Array<[string, Record<string, string | null>]> = [
    ['softnet', { 'proc/net/softnet_stat': 'zz\n' }],
    ['schedstat', { 'proc/schedstat': 'cpu0 1 2\n' }],
    ['udp_queues', { 'proc/net/udp': 'garbage\n' }],
    ['thermal_zone', { 'sys/class/thermal/thermal_zone0/type': 'acpitz\n', 'sys/class/thermal/thermal_zone0/temp': 'hot\n' }],
    ['netclass', { 'sys/class/net/eth0/mtu': 'big\n' }],
    ['zfs', { 'proc/spl/kstat/zfs/arcstats': 'no header here\n' }],
  ];
  for (const [name, files] of cases) {
    it(name, async () => {
      await expect(run(collector(name), tree(files))).rejects.toBeInstanceOf(ParseError);
    });
  }
});
