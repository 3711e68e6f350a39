import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import type { LinkRecord } from '../netlink/route-messages.js';
import { RTN_UNICAST, type RouteAddress, type RouteRecord } from '../netlink/routes.js';
import { readLinks, readRoutes } from '../syscall/netlink-route.js';

/** What one scrape reads: the interface names and every route (rtnetlink dumps). */
export interface RouteTables {
  readonly links: readonly LinkRecord[];
  readonly routes: readonly RouteRecord[];
}

/** rtm_protocol names, as node_exporter spells them (linux/rtnetlink.h RTPROT_*); others are "unknown". */
const PROTOCOLS = new Map<number, string>([
  [0, 'unspec'], [1, 'redirect'], [2, 'kernel'], [3, 'boot'], [4, 'static'], [8, 'gated'], [9, 'ra'],
  [10, 'mrt'], [11, 'zebra'], [12, 'bird'], [13, 'dnrouted'], [14, 'xorp'], [15, 'ntk'], [16, 'dhcp'],
  [17, 'mrouted'], [42, 'babel'], [186, 'bgp'], [187, 'isis'], [188, 'ospf'], [189, 'rip'], [192, 'eigrp'],
]);

export const protocolName = (protocol: number): string => PROTOCOLS.get(protocol) ?? 'unknown';

/**
 * The dest label: "default" for a zero-length prefix, else address/length as Go's IPNet.String()
 * prints it (an IPv4-mapped destination counts as IPv4).
 */
export function routeDestination(destination: RouteAddress | undefined, length: number): string {
  if (length === 0) return 'default';
  // Go prints an IPNet it cannot make sense of (no address, mask longer than the address) as "<nil>".
  if (destination === undefined || (destination.isIPv4 && length > 32)) return '<nil>';
  return `${destination.text}/${length}`;
}

/** Gets the route tables; tests hand in their own. */
export function networkRouteCollectorFrom(read: () => Promise<RouteTables>): Collector<NodeContext> {
  return {
    name: 'network_route',
    help: 'Unicast routes of every routing table, read over rtnetlink.',
    defaultEnabled: false,
    async collect(_ctx, out) {
      const { links, routes } = await read();
      const names = new Map<number, string>();
      for (const l of links) if (!names.has(l.index)) names.set(l.index, l.name);
      const perDevice = new Map<string, number>();
      const info = (device: string, route: RouteRecord, gateway: RouteAddress | undefined, weight: string): void => {
        out.gauge('node_network_route_info', 'One series per unicast route (per next hop of a multipath route), value 1.', 1, {
          device,
          src: route.preferredSource?.text ?? '',
          dest: routeDestination(route.destination, route.destinationLength),
          gw: gateway?.text ?? '',
          priority: String(route.priority),
          proto: protocolName(route.protocol),
          weight,
        });
        perDevice.set(device, (perDevice.get(device) ?? 0) + 1);
      };
      for (const route of routes) {
        if (route.type !== RTN_UNICAST) continue;
        if (route.multipath.length > 0) {
          for (const hop of route.multipath) info(names.get(hop.interfaceIndex) ?? '', route, hop.gateway, String(hop.hops + 1));
        } else {
          info(names.get(route.outputInterface) ?? '', route, route.gateway, '');
        }
      }
      for (const [device, count] of perDevice) out.gauge('node_network_routes', 'Unicast routes (next hops) leaving through the device.', count, { device });
    },
  };
}

export const networkRouteCollector = networkRouteCollectorFrom(async () => {
  const [links, routes] = await Promise.all([readLinks(), readRoutes()]);
  return { links, routes };
});
