import { describe, expect, it } from 'vitest';
import { networkRouteCollectorFrom, protocolName, routeDestination, type RouteTables } from '../../src/collectors/network_route.js';
import type { RouteRecord } from '../../src/netlink/routes.js';
import { labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

const v4 = (text: string) => ({ text, isIPv4: true });
const v6 = (text: string) => ({ text, isIPv4: false });
const route = (r: Partial<RouteRecord>): RouteRecord => ({ family: 2, destinationLength: 0, table: 254, protocol: 2, type: 1, outputInterface: 0, priority: 0, multipath: [], ...r });

const TABLES: RouteTables = {
  links: [{ index: 1, name: 'lo' }, { index: 2, name: 'eth0' }, { index: 3, name: 'eth1' }],
  routes: [
    route({ destinationLength: 0, protocol: 3, gateway: v4('192.0.2.1'), outputInterface: 2 }),
    route({ destinationLength: 24, destination: v4('192.0.2.0'), preferredSource: v4('192.0.2.2'), outputInterface: 2 }),
    route({ family: 10, destinationLength: 64, destination: v6('fd00::'), priority: 256, outputInterface: 2 }),
    // A local-table route (type RTN_LOCAL) and a multicast one are not reported.
    route({ destinationLength: 32, destination: v4('127.0.0.1'), table: 255, type: 2, outputInterface: 1 }),
    route({ family: 10, destinationLength: 8, destination: v6('ff00::'), type: 5, outputInterface: 2 }),
    route({ destinationLength: 8, destination: v4('10.0.0.0'), protocol: 186, priority: 20, multipath: [
      { interfaceIndex: 2, hops: 0, gateway: v4('192.0.2.7') },
      { interfaceIndex: 3, hops: 2, gateway: v4('198.51.100.7') },
    ] }),
  ],
};

describe('network_route collector', () => {
  it('reports one node_network_route_info per unicast route and per next hop, with node_exporter\'s labels', async () => {
    const families = await run(networkRouteCollectorFrom(async () => TABLES), fixtureContext());
    expect(labelSets(families, 'node_network_route_info')).toEqual([
      'dest=10.0.0.0/8,device=eth0,gw=192.0.2.7,priority=20,proto=bgp,src=,weight=1',
      'dest=10.0.0.0/8,device=eth1,gw=198.51.100.7,priority=20,proto=bgp,src=,weight=3',
      'dest=192.0.2.0/24,device=eth0,gw=,priority=0,proto=kernel,src=192.0.2.2,weight=',
      'dest=default,device=eth0,gw=192.0.2.1,priority=0,proto=boot,src=,weight=',
      'dest=fd00::/64,device=eth0,gw=,priority=256,proto=kernel,src=,weight=',
    ]);
    expect(families.find((f) => f.name === 'node_network_route_info')?.type).toBe('gauge');
  });

  it('counts the reported routes per device in node_network_routes', async () => {
    const families = await run(networkRouteCollectorFrom(async () => TABLES), fixtureContext());
    expect(value(families, 'node_network_routes', { device: 'eth0' })).toBe(4);
    expect(value(families, 'node_network_routes', { device: 'eth1' })).toBe(1);
    expect(labelSets(families, 'node_network_routes')).toEqual(['device=eth0', 'device=eth1']);
  });

  it('labels a route whose interface is unknown with an empty device, as node_exporter does', async () => {
    const families = await run(networkRouteCollectorFrom(async () => ({ links: [], routes: [route({ destinationLength: 16, destination: v4('172.17.0.0'), outputInterface: 9 })] })), fixtureContext());
    expect(value(families, 'node_network_routes', { device: '' })).toBe(1);
  });

  it('fails the scrape when the tables cannot be read', async () => {
    const collector = networkRouteCollectorFrom(async () => { throw new Error('netlink: socket() failed'); });
    await expect(run(collector, fixtureContext())).rejects.toThrow('socket() failed');
  });

  it('names protocols and destinations as node_exporter does', () => {
    expect([protocolName(2), protocolName(16), protocolName(192), protocolName(99)]).toEqual(['kernel', 'dhcp', 'eigrp', 'unknown']);
    expect(routeDestination(undefined, 0)).toBe('default');
    expect(routeDestination(v6('2001:db8::'), 32)).toBe('2001:db8::/32');
    expect(routeDestination(v4('::ffff:0.0.0.0'), 96)).toBe('<nil>');
  });
});
