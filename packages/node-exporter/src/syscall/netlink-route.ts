import { netlinkTransact, NETLINK_ROUTE } from './netlink-socket.js';
import {
  decodeAddress, decodeLink, encodeDumpRequest,
  RTM_GETADDR, RTM_GETLINK, RTM_NEWADDR, RTM_NEWLINK,
  type AddressRecord, type LinkRecord,
} from '../netlink/route-messages.js';
import { decodeRoute, RTM_GETROUTE, RTM_NEWROUTE, RTMSG_LENGTH, type RouteRecord } from '../netlink/routes.js';
import { decodeQdisc, RTM_GETQDISC, RTM_NEWQDISC, TCMSG_LENGTH, type QdiscRecord } from '../netlink/qdiscs.js';

/** One rtnetlink dump of a whole table; no privilege is needed to read these tables. */
async function dump<T>(type: number, headerLength: number, wanted: number, decode: (payload: Buffer) => T | undefined): Promise<T[]> {
  const messages = await netlinkTransact(NETLINK_ROUTE, encodeDumpRequest(type, headerLength, 1), wanted, true);
  return messages.map((m) => decode(m.payload)).filter((x): x is T => x !== undefined);
}

/** Every network interface: index and name (as Go's net.Interfaces()). */
export function readLinks(): Promise<LinkRecord[]> {
  return dump(RTM_GETLINK, 16, RTM_NEWLINK, decodeLink);
}

/** Every route of every table and family (an unfiltered RTM_GETROUTE dump, as rtnetlink's Route.List). */
export function readRoutes(): Promise<RouteRecord[]> {
  return dump(RTM_GETROUTE, RTMSG_LENGTH, RTM_NEWROUTE, decodeRoute);
}

/** Every qdisc of every interface, root and child (as ema/qdisc's dump). */
export function readQdiscs(): Promise<QdiscRecord[]> {
  return dump(RTM_GETQDISC, TCMSG_LENGTH, RTM_NEWQDISC, decodeQdisc);
}

export interface InterfaceAddress extends AddressRecord {
  readonly device: string;
}

/** Every address of every interface, whatever the interface's state (as Go's net.Interfaces + Addrs). */
export async function readInterfaceAddresses(): Promise<InterfaceAddress[]> {
  const names = new Map((await readLinks()).map((l) => [l.index, l.name]));
  const addresses = await dump(RTM_GETADDR, 8, RTM_NEWADDR, decodeAddress);
  const out: InterfaceAddress[] = [];
  for (const a of addresses) {
    const device = names.get(a.index);
    if (device !== undefined) out.push({ ...a, device });
  }
  return out;
}
