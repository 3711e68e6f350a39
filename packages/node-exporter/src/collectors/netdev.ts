import { networkInterfaces } from 'node:os';
import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import { mapLimit, readTextIfExists, type NodeContext, readProcFile } from '../context.js';
import { parseSingleNumber } from '../procfs/keyvalue.js';
import { parseNetDev } from '../procfs/netdev.js';
import { createDeviceFilter } from './device-filter.js';

export const netdevCollector: Collector<NodeContext> = {
  name: 'netdev',
  help: 'Network interface counters from /proc/net/dev (plus rx_nohandler from /sys/class/net).',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const filter = createDeviceFilter(t.flags, 'collector.netdev.device-exclude', 'collector.netdev.device-include');
    const devs = parseNetDev(await readProcFile(t.proc('net', 'dev'), ctx.signal))
      .filter((d) => !filter.ignored(d.device));
    // node_exporter reads these counters over netlink, which also carries rx_nohandler;
    // /proc/net/dev lacks that column, sysfs has it.
    const nohandler = await mapLimit(devs, 8, async (d) => {
      const text = await readTextIfExists(t.sys('class', 'net', d.device, 'statistics', 'rx_nohandler'), ctx.signal).catch(() => undefined);
      return text === undefined ? undefined : parseSingleNumber(text, 'rx_nohandler');
    });
    devs.forEach((d, i) => {
      const counters = new Map(d.counters);
      const nh = nohandler[i];
      if (nh !== undefined && !counters.has('receive_nohandler')) counters.set('receive_nohandler', nh);
      for (const [key, value] of counters) {
        out.counter(`node_network_${key}_total`, `Network device statistic ${key}.`, value, { device: d.device });
      }
    });
    if (t.bool('collector.netdev.address-info')) addressInfo(out, (name) => !filter.ignored(name));
  },
};

function addressInfo(out: MetricSink, keep: (device: string) => boolean): void {
  for (const [device, addrs] of Object.entries(networkInterfaces())) {
    if (!keep(device) || !addrs) continue;
    for (const a of addrs) {
      out.gauge('node_network_address_info', 'Address configured on the network device.', 1, {
        device, address: a.address, netmask: a.cidr?.split('/')[1] ?? '', scope: addressScope(a.address, a.internal),
      });
    }
  }
}

function addressScope(address: string, internal: boolean): string {
  if (internal) return 'interface-local';
  if (address.startsWith('fe80:') || address.startsWith('169.254.')) return 'link-local';
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|f[cd])/.test(address)) return 'private';
  return 'global';
}

