/**
 * The netlink and ioctl readers against this host's kernel, each compared with what iproute2
 * and ethtool report at nearly the same moment. Only stable fields: route destinations and
 * devices, qdisc kinds and handles, driver names and statistic names (never moving counters).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { missingDependency } from '../../../../test/support/services.js';
import { routeDestination } from '../../src/collectors/network_route.js';
import { TC_H_ROOT } from '../../src/netlink/qdiscs.js';
import { NetlinkError } from '../../src/netlink/route-messages.js';
import { RTN_UNICAST } from '../../src/netlink/routes.js';
import { EthtoolSocket } from '../../src/syscall/ethtool-ioctl.js';
import { readLinks, readQdiscs, readRoutes } from '../../src/syscall/netlink-route.js';
import { openNl80211 } from '../../src/syscall/nl80211.js';

function tool(name: string, args: string[]): string | undefined {
  try {
    return execFileSync(name, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const linux = process.platform === 'linux';
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('routes over rtnetlink vs ip route show table all', () => {
  beforeEach((ctx) => {
    const missing = missingDependency(linux && tool('ip', ['-V']) !== undefined, 'iproute2 (ip)');
    if (missing) ctx.skip(missing);
  });

  it('finds the same unicast routes, by device and destination', async () => {
    interface IpRoute { type?: string; dst: string; dev?: string; nexthops?: Array<{ dev: string }> }
    const ipRoutes = (): string[] => ['-4', '-6']
      .flatMap((family) => JSON.parse(tool('ip', ['-j', family, 'route', 'show', 'table', 'all']) ?? '[]') as IpRoute[])
      .filter((r) => r.type === undefined || r.type === 'unicast')
      .flatMap((r) => (r.nexthops ?? [{ dev: r.dev ?? '' }]).map((h) => `${h.dev} ${r.dst}`))
      .sort();
    const before = ipRoutes();
    const [links, routes] = await Promise.all([readLinks(), readRoutes()]);
    const after = ipRoutes();
    const names = new Map(links.map((l) => [l.index, l.name]));
    // ip prints a host route without its /32 or /128.
    const ours = sorted(routes.filter((r) => r.type === RTN_UNICAST).flatMap((r) => {
      const dest = routeDestination(r.destination, r.destinationLength).replace(/\/(32|128)$/, '');
      const devices = r.multipath.length > 0 ? r.multipath.map((h) => h.interfaceIndex) : [r.outputInterface];
      return devices.map((i) => `${names.get(i) ?? ''} ${dest}`);
    }));
    expect(ours.length).toBeGreaterThan(0);
    // A route added or removed while we read matches one of the two listings.
    expect([before, after]).toContainEqual(ours);
  });
});

describe('qdiscs over rtnetlink vs tc qdisc show', () => {
  beforeEach((ctx) => {
    const missing = missingDependency(linux && tool('tc', ['-V']) !== undefined, 'iproute2 (tc)');
    if (missing) ctx.skip(missing);
  });

  it('finds the same root qdiscs, by device, kind and handle', async () => {
    interface TcQdisc { kind: string; handle: string; dev: string; root?: boolean }
    const theirs = (JSON.parse(tool('tc', ['-j', 'qdisc', 'show']) ?? '[]') as TcQdisc[]).filter((q) => q.root === true);
    const [links, qdiscs] = await Promise.all([readLinks(), readQdiscs()]);
    const names = new Map(links.map((l) => [l.index, l.name]));
    const ours = qdiscs.filter((q) => q.parent === TC_H_ROOT).map((q) => `${names.get(q.interfaceIndex)} ${q.kind} ${(q.handle >>> 16).toString(16)}:`);
    expect(ours.length).toBeGreaterThan(0);
    expect(sorted(ours)).toEqual(sorted(theirs.map((q) => `${q.dev} ${q.kind} ${q.handle}`)));
  });
});

describe('SIOCETHTOOL vs ethtool -i / -S', () => {
  const devices = linux && existsSync('/sys/class/net') ? readdirSync('/sys/class/net').filter((d) => tool('ethtool', ['-i', d]) !== undefined) : [];
  beforeEach((ctx) => {
    const missing = missingDependency(linux && tool('ethtool', ['--version']) !== undefined, 'ethtool');
    if (missing) ctx.skip(missing);
    else if (devices.length === 0) ctx.skip('no network device here answers ethtool -i');
  });

  it('reads the same driver, version and bus address for every device ethtool -i answers', async () => {
    const socket = await EthtoolSocket.open();
    try {
      for (const device of devices) {
        const text = tool('ethtool', ['-i', device]) ?? '';
        const field = (name: string): string => new RegExp(`^${name}: ?(.*)$`, 'm').exec(text)?.[1] ?? '';
        const info = socket.driverInfo(device);
        expect({ driver: info.driver, version: info.version, busInfo: info.busInfo }, device)
          .toEqual({ driver: field('driver'), version: field('version'), busInfo: field('bus-info') });
      }
    } finally {
      socket.close();
    }
  });

  it('reads the same statistic names as ethtool -S', async () => {
    const withStats = devices.filter((d) => /^\s+\S+: \d+$/m.test(tool('ethtool', ['-S', d]) ?? ''));
    if (withStats.length === 0) expect.fail('no device with statistics; the test above would have skipped');
    const socket = await EthtoolSocket.open();
    try {
      for (const device of withStats) {
        const theirs = [...(tool('ethtool', ['-S', device]) ?? '').matchAll(/^\s+(.+): \d+$/gm)].map((m) => m[1] ?? '');
        expect(sorted(socket.statistics(device).keys()), device).toEqual(sorted(new Set(theirs)));
      }
    } finally {
      socket.close();
    }
  });
});

describe('nl80211 vs /sys/class/net/*/phy80211', () => {
  beforeEach((ctx) => {
    if (!linux) ctx.skip('nl80211 is Linux-only');
  });

  it('finds nl80211 absent exactly when no device has a phy80211 link, and otherwise the same wireless devices', async () => {
    const wireless = readdirSync('/sys/class/net').filter((d) => existsSync(`/sys/class/net/${d}/phy80211`));
    const result = await openNl80211().then((nl80211) => nl80211.interfaces()).catch((err: unknown) => err);
    if (result instanceof NetlinkError) {
      expect(result.errno).toBe(2);
      expect(wireless).toEqual([]);
    } else {
      expect(Array.isArray(result), String(result)).toBe(true);
      expect(sorted((result as Array<{ name: string }>).map((i) => i.name).filter((n) => wireless.includes(n)))).toEqual(sorted(wireless));
    }
  });
});
