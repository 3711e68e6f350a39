import { join } from 'node:path';
import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { NETCLASS_FILES, parseNetClassIface, type NetClassIface } from '../sysfs/netclass.js';
import { listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const netclassFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.netclass.ignored-devices', description: 'Regexp of network devices the netclass collector leaves out.', default: '^$' },
  { name: 'collector.netclass.ignore-invalid-speed', kind: 'boolean', description: 'Leave out node_network_speed_bytes for devices reporting an invalid (negative) speed.', default: false },
];

type NumericKey = { [K in keyof NetClassIface]-?: NetClassIface[K] extends number | undefined ? K : never }[keyof NetClassIface];

/**
 * [field, metric suffix, counter?] in node_exporter's emission order. The label sets are 1.5.0's
 * (the oracle this package is measured against): later releases added an adminstate label to
 * node_network_info, which would change its label set.
 */
const PROPERTIES: ReadonlyArray<readonly [NumericKey, string, boolean]> = [
  ['addrAssignType', 'address_assign_type', false],
  ['carrier', 'carrier', false],
  ['carrierChanges', 'carrier_changes_total', true],
  ['carrierUpCount', 'carrier_up_changes_total', true],
  ['carrierDownCount', 'carrier_down_changes_total', true],
  ['devId', 'device_id', false],
  ['dormant', 'dormant', false],
  ['flags', 'flags', false],
  ['ifindex', 'iface_id', false],
  ['iflink', 'iface_link', false],
  ['linkMode', 'iface_link_mode', false],
  ['mtu', 'mtu_bytes', false],
  ['netdevGroup', 'net_dev_group', false],
  ['nameAssignType', 'name_assign_type', false],
  ['txQueueLen', 'transmit_queue_length', false],
  ['type', 'protocol_type', false],
];

/** Interfaces are read a few at a time; each has ~20 attribute files. */
const IFACE_CONCURRENCY = 4;

/** Link properties of every network interface from /sys/class/net/<iface>. */
export const netclassCollector: Collector<NodeContext> = {
  name: 'netclass',
  flags: netclassFlags,
  help: 'Network interface properties from /sys/class/net.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const ignored = ctx.target.regex('collector.netclass.ignored-devices');
    const ignoreInvalidSpeed = ctx.target.bool('collector.netclass.ignore-invalid-speed');
    const base = ctx.target.sys('class', 'net');
    const entries = await listFeatureDir(base, 'netclass');
    // bonding_masters is a file beside the interface directories, not an interface.
    const devices = entries.filter((d) => d !== 'bonding_masters' && !(ignored?.test(d) ?? false));
    const ifaces = await mapLimit(devices, IFACE_CONCURRENCY, async (dev) => {
      const files = await readAttrs(join(base, dev), NETCLASS_FILES, ctx.signal, true);
      return parseNetClassIface(dev, files);
    });
    for (const i of ifaces) {
      const device = { device: i.name };
      out.gauge('node_network_up', "1 if the interface's operstate is 'up', else 0.", i.operstate === 'up' ? 1 : 0, device);
      out.gauge('node_network_info', 'Textual properties of the network interface; always 1.', 1, {
        device: i.name,
        address: i.address ?? '',
        broadcast: i.broadcast ?? '',
        duplex: i.duplex ?? '',
        operstate: i.operstate ?? '',
        ifalias: i.ifalias ?? '',
      });
      for (const [key, suffix, isCounter] of PROPERTIES) {
        const v = i[key];
        if (v === undefined) continue;
        const help = `Value of the interface attribute behind ${suffix}.`;
        if (isCounter) out.counter(`node_network_${suffix}`, help, v, device);
        else out.gauge(`node_network_${suffix}`, help, v, device);
      }
      // Drivers report -1 for an unknown speed; node_exporter 1.x still exports it unless asked not to.
      if (i.speed !== undefined && (i.speed >= 0 || !ignoreInvalidSpeed)) {
        out.gauge('node_network_speed_bytes', 'Link speed of the interface in bytes per second.', Math.trunc((i.speed * 1000 * 1000) / 8), device);
      }
    }
  },
};
