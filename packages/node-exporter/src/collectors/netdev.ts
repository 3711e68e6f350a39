import { networkInterfaces } from 'node:os';
import { flagFilter, type Collector, type Logger, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import { join } from 'node:path';
import type { NodeContext } from '../context.js';
import { parseSingleNumber } from '../procfs/keyvalue.js';
import { parseNetDev } from '../procfs/netdev.js';
import { detailedCounterName } from '../sysfs/net-statistics.js';
import { listDir, mapLimit, readAttr, readProcFile } from '../read/index.js';
import { readInterfaceAddresses } from '../syscall/netlink-route.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const netdevFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.netdev.device-include', description: 'Regexp of network devices to report (mutually exclusive with device-exclude).', default: '',
    excludeFlag: 'collector.netdev.device-exclude', deprecatedAliases: ['collector.netdev.device-whitelist'] },
  { kind: 'regex', name: 'collector.netdev.device-exclude', description: 'Regexp of network devices to leave out (mutually exclusive with device-include).', default: '',
    deprecatedAliases: ['collector.netdev.device-blacklist'] },
  { name: 'collector.netdev.netlink', kind: 'boolean', description: 'Report the counters node_exporter reads over netlink (adds receive_nohandler from sysfs); --no-collector.netdev.netlink gives the plain /proc/net/dev set.', default: true },
  { name: 'collector.netdev.enable-detailed-metrics', kind: 'boolean', description: 'Report every /sys/class/net/<dev>/statistics counter under its detailed name instead of the /proc/net/dev set.', default: false },
  { name: 'collector.netdev.address-info', kind: 'boolean', description: 'Export node_network_address_info for every address of every device.', default: false },
];

export const netdevCollector: Collector<NodeContext> = {
  name: 'netdev',
  flags: netdevFlags,
  help: 'Network interface counters from /proc/net/dev (plus rx_nohandler from /sys/class/net).',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const filter = flagFilter(t.flags, { include: 'collector.netdev.device-include', exclude: 'collector.netdev.device-exclude' });
    const devs = parseNetDev(await readProcFile(t.proc('net', 'dev'), ctx.signal))
      .filter((d) => !filter.ignored(d.device));
    if (t.bool('collector.netdev.enable-detailed-metrics')) {
      const detailed = await mapLimit(devs, 4, (d) => readStatistics(t, d.device, ctx.signal));
      devs.forEach((d, i) => {
        for (const [key, value] of detailed[i] as Map<string, number>) {
          out.counter(`node_network_${key}_total`, `Interface counter ${key} from /sys/class/net.`, value, { device: d.device });
        }
      });
    } else {
      // node_exporter's default (netlink) path also carries rx_nohandler, which /proc/net/dev
      // lacks; sysfs has it. Its /proc/net/dev path (--no-collector.netdev.netlink) does not.
      const netlink = t.flags['collector.netdev.netlink'] !== false;
      const nohandler = netlink
        ? await mapLimit(devs, 8, async (d) => {
          const text = await readAttr(t.sys('class', 'net', d.device, 'statistics', 'rx_nohandler'), ctx.signal).catch(() => undefined);
          return text === undefined ? undefined : parseSingleNumber(text, 'rx_nohandler');
        })
        : [];
      devs.forEach((d, i) => {
        const counters = new Map(d.counters);
        const nh = nohandler[i];
        if (nh !== undefined && !counters.has('receive_nohandler')) counters.set('receive_nohandler', nh);
        for (const [key, value] of counters) {
          out.counter(`node_network_${key}_total`, `Interface counter ${key} from /proc/net/dev.`, value, { device: d.device });
        }
      });
    }
    // node_exporter lists every interface's addresses here, without the device filter.
    if (t.bool('collector.netdev.address-info')) await addressInfo(out, ctx.logger);
  },
};

/** Every counter file of one interface's statistics directory, named as node_exporter's detailed mode. */
async function readStatistics(t: NodeContext, device: string, signal: AbortSignal): Promise<Map<string, number>> {
  const dir = t.sys('class', 'net', device, 'statistics');
  const files = (await listDir(dir)) ?? [];
  const values = await mapLimit(files, 8, (f) => readAttr(join(dir, f), signal));
  const out = new Map<string, number>();
  files.forEach((f, i) => {
    const name = detailedCounterName(f);
    const text = values[i];
    if (name !== undefined && text !== undefined) out.set(name, parseSingleNumber(text, `statistics/${f}`));
  });
  return out;
}

/**
 * Every address of every interface whatever its state, from the kernel's address table, as
 * node_exporter reads it (a bridge that is down, like docker0 without containers, keeps its
 * addresses). os.networkInterfaces() is only the fallback where netlink cannot be reached: libuv
 * leaves out interfaces that are not up and running.
 */
async function addressInfo(out: MetricSink, logger: Logger): Promise<void> {
  let addresses: Array<{ device: string; address: string; prefixLength: number | string }>;
  try {
    addresses = await readInterfaceAddresses();
  } catch (err) {
    logger.debug('netlink address table unavailable; listing the addresses of running interfaces only', { err: (err as Error).message });
    addresses = Object.entries(networkInterfaces()).flatMap(([device, addrs]) =>
      (addrs ?? []).map((a) => ({ device, address: a.address, prefixLength: a.cidr?.split('/')[1] ?? '' })));
  }
  for (const a of addresses) {
    out.gauge('node_network_address_info', 'Address configured on the network device.', 1, {
      device: a.device, address: a.address, netmask: String(a.prefixLength), scope: addressScope(a.address),
    });
  }
}

/** Go's net.IP classification as node_exporter uses it: loopback and link-local are 'link-local'. */
export function addressScope(address: string): string {
  const a = address.toLowerCase();
  if (a === '::1' || a.startsWith('127.') || a.startsWith('169.254.') || /^fe[89ab]/.test(a) || /^ff[0-9a-f]2:/.test(a) || a.startsWith('224.0.0.')) return 'link-local';
  if (/^ff[0-9a-f]1:/.test(a)) return 'interface-local';
  if (a === '::' || a === '0.0.0.0' || a === '255.255.255.255' || a.startsWith('ff') || /^(22[4-9]|23\d)\./.test(a)) return '';
  return 'global';
}
