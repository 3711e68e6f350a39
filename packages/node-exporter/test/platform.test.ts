import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectOnce, type Collector, type MetricFamily } from '@scrapekit/exporter-kit';
import { platformCollectors, type PlatformDeps } from '../src/platform/index.js';
import { parseVmStat } from '../src/platform/vm-stat.js';
import { ParseError } from '../src/procfs/errors.js';
import type { NodeContext } from '../src/context.js';
import { labelSets, value } from './collect.js';
import { fixtureContext } from './fixture-tree.js';
import { garbage } from './garbage.js';

const VM_STAT = `Mach Virtual Memory Statistics: (page size of 16384 bytes)
Pages free:                               12873.
Pages active:                            301233.
Pages inactive:                          297110.
Pages speculative:                         3011.
Pages wired down:                        131072.
Pages purgeable:                           9021.
"Translation faults":                  981234011.
Anonymous pages:                          390352.
Pages occupied by compressor:             140001.
Pageins:                                 8012331.
Pageouts:                                  12011.
`;

const NOW = 1_764_028_800_123;

function stubDeps(calls: string[]): PlatformDeps {
  return {
    si: async () => ({
      mem: async () => {
        calls.push('mem');
        return { total: 17179869184, free: 210911232, used: 0, active: 0, available: 6442450944, buffcache: 0, buffers: 0, cached: 0, slab: 0, reclaimable: 0, swaptotal: 2147483648, swapused: 536870912, swapfree: 1610612736, writeback: null, dirty: null };
      },
      fsSize: async () => {
        calls.push('fsSize');
        return [
          { fs: '/dev/disk3s1s1', type: 'apfs', size: 494384795648, used: 11201232896, available: 201003122688, use: 2.3, mount: '/', rw: false },
          { fs: 'C:', type: 'NTFS', size: 1000, used: 400, available: 600, use: 40, mount: 'C:', rw: true },
        ];
      },
      networkStats: async (ifaces) => {
        calls.push(`networkStats:${ifaces}`);
        return [
          { iface: 'en0', operstate: 'up', rx_bytes: 9123456, rx_dropped: 3, rx_errors: 1, tx_bytes: 812345, tx_dropped: 0, tx_errors: 2, rx_sec: 0, tx_sec: 0, ms: 0 },
          { iface: 'lo0', operstate: 'up', rx_bytes: 10, rx_dropped: 0, rx_errors: 0, tx_bytes: 10, tx_dropped: 0, tx_errors: 0, rx_sec: 0, tx_sec: 0, ms: 0 },
        ];
      },
    }),
    os: {
      cpus: () => [
        { times: { user: 120500, nice: 0, sys: 60250, idle: 980000, irq: 1500 } },
        { times: { user: 110000, nice: 10, sys: 50000, idle: 990000, irq: 0 } },
      ],
      loadavg: () => [1.5, 1.25, 0.75],
      uptime: () => 86400.4,
      type: () => 'Darwin',
      release: () => '24.6.0',
      version: () => 'Darwin Kernel Version 24.6.0',
      machine: () => 'arm64',
      hostname: () => 'mac-mini-7',
    },
    vmStat: async () => {
      calls.push('vm_stat');
      return VM_STAT;
    },
    now: () => NOW,
  };
}

async function scrapeAll(collectors: ReadonlyArray<Collector<NodeContext>>, ctx = fixtureContext()): Promise<MetricFamily[]> {
  const out: MetricFamily[] = [];
  for (const c of collectors) out.push(...(await collectOnce(c, ctx)));
  return out;
}

describe('platformCollectors', () => {
  it('serves nothing on Linux', () => {
    expect(platformCollectors('linux')).toEqual([]);
  });

  it('darwin: node_exporter Darwin names and values from the stubbed boundary', async () => {
    const calls: string[] = [];
    const cs = platformCollectors('darwin', stubDeps(calls));
    expect(cs.map((c) => c.name).sort()).toEqual(['boottime', 'cpu', 'filesystem', 'loadavg', 'meminfo', 'netdev', 'time', 'uname']);
    const f = await scrapeAll(cs);
    expect(value(f, 'node_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(120.5);
    expect(value(f, 'node_cpu_seconds_total', { cpu: '1', mode: 'idle' })).toBe(990);
    expect(labelSets(f, 'node_cpu_seconds_total').filter((l) => l.startsWith('cpu=0'))).toEqual(['cpu=0,mode=idle', 'cpu=0,mode=nice', 'cpu=0,mode=system', 'cpu=0,mode=user']);
    expect(value(f, 'node_memory_total_bytes')).toBe(17179869184);
    expect(value(f, 'node_memory_free_bytes')).toBe(12873 * 16384);
    expect(value(f, 'node_memory_wired_bytes')).toBe(131072 * 16384);
    expect(value(f, 'node_memory_compressed_bytes')).toBe(140001 * 16384);
    expect(value(f, 'node_memory_purgeable_bytes')).toBe(9021 * 16384);
    expect(value(f, 'node_memory_internal_bytes')).toBe(390352 * 16384);
    expect(value(f, 'node_memory_swap_used_bytes')).toBe(536870912);
    expect(value(f, 'node_memory_swapped_in_bytes_total')).toBe(8012331 * 16384);
    expect(value(f, 'node_filesystem_avail_bytes', { mountpoint: '/', device: '/dev/disk3s1s1', fstype: 'apfs' })).toBe(201003122688);
    expect(value(f, 'node_filesystem_free_bytes', { mountpoint: '/' })).toBe(494384795648 - 11201232896);
    expect(value(f, 'node_filesystem_readonly', { mountpoint: '/' })).toBe(1);
    expect(value(f, 'node_network_receive_bytes_total', { device: 'en0' })).toBe(9123456);
    expect(value(f, 'node_network_transmit_errs_total', { device: 'en0' })).toBe(2);
    expect(value(f, 'node_load5')).toBe(1.25);
    expect(value(f, 'node_uname_info', { sysname: 'Darwin', release: '24.6.0', machine: 'arm64', nodename: 'mac-mini-7', domainname: '(none)' })).toBe(1);
    expect(value(f, 'node_boot_time_seconds')).toBe(Math.round(NOW / 1000 - 86400.4));
    expect(value(f, 'node_time_seconds')).toBe(NOW / 1000);
    expect(f.find((x) => x.name === 'node_time_zone_offset_seconds')?.samples).toHaveLength(1);
    expect(calls).toContain('vm_stat');
    expect(calls).toContain('networkStats:*');
  });

  it('win32: Linux meminfo names, irq mode, no load average', async () => {
    const cs = platformCollectors('win32', stubDeps([]));
    expect(cs.map((c) => c.name)).not.toContain('loadavg');
    const f = await scrapeAll(cs);
    expect(value(f, 'node_memory_MemTotal_bytes')).toBe(17179869184);
    expect(value(f, 'node_memory_MemAvailable_bytes')).toBe(6442450944);
    expect(value(f, 'node_memory_SwapFree_bytes')).toBe(1610612736);
    expect(value(f, 'node_cpu_seconds_total', { cpu: '0', mode: 'irq' })).toBe(1.5);
    expect(f.some((x) => x.name === 'node_memory_total_bytes')).toBe(false);
  });

  it('netdev honours the device filters', async () => {
    const cs = platformCollectors('darwin', stubDeps([])).filter((c) => c.name === 'netdev');
    const f = await scrapeAll(cs, fixtureContext({ 'collector.netdev.device-exclude': '^lo' }));
    expect(labelSets(f, 'node_network_receive_bytes_total')).toEqual(['device=en0']);
  });

  it('vm_stat parser: garbage gives a result or a ParseError', () => {
    expect(parseVmStat(VM_STAT).pages.get('Translation faults')).toBe(981234011);
    for (const t of garbage(VM_STAT, 300)) {
      try {
        parseVmStat(t);
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
      }
    }
  });
});

describe('Linux scrape path and systeminformation', () => {
  const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

  /** Follows the relative imports of a module transitively; returns every file and bare import seen. */
  function importGraph(entry: string): { files: Set<string>; bare: Set<string> } {
    const files = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string): void => {
      if (files.has(file)) return;
      files.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (m[1] ?? m[2]) as string;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
          if (existsSync(target)) visit(target);
        } else {
          bare.add(spec);
        }
      }
    };
    visit(entry);
    return { files, bare };
  }

  it('no Linux collector module imports systeminformation or the platform layer', () => {
    for (const entry of ['collectors/index.ts']) {
      const g = importGraph(join(srcDir, entry));
      expect(g.files.size, entry).toBeGreaterThan(3);
      expect([...g.bare].filter((b) => b.startsWith('systeminformation')), entry).toEqual([]);
      expect([...g.files].filter((f) => f.includes(`${join(srcDir, 'platform')}`)), entry).toEqual([]);
    }
  });

  it('the platform layer loads systeminformation only lazily (dynamic import)', () => {
    const deps = readFileSync(join(srcDir, 'platform/deps.ts'), 'utf8');
    expect(deps).not.toMatch(/^import\s+(?!type)[^;]*from\s+'systeminformation'/m);
    expect(deps).toMatch(/import\('systeminformation'\)/);
  });
});
