/**
 * RTM_NEWROUTE messages (linux/rtnetlink.h): struct rtmsg, then route attributes. Decoded into
 * the fields jsimonetti/rtnetlink gives node_exporter's network_route collector: RTA_PREFSRC is
 * the route's source, multipath routes carry one next hop per struct rtnexthop.
 */
import { netlinkAttributes } from './attributes.js';
import { formatIPv4, formatIPv6 } from './route-messages.js';

export const RTM_NEWROUTE = 24;
export const RTM_GETROUTE = 26;
/** sizeof(struct rtmsg). */
export const RTMSG_LENGTH = 12;
/** rtm_type of an ordinary (unicast) route; local, broadcast, multicast… are other types. */
export const RTN_UNICAST = 1;

const RTA_DST = 1;
const RTA_OIF = 4;
const RTA_GATEWAY = 5;
const RTA_PRIORITY = 6;
const RTA_PREFSRC = 7;
const RTA_MULTIPATH = 9;
const RTA_TABLE = 15;
const RTNEXTHOP_LENGTH = 8;

/** An IP address as the kernel gave it: `text` as Go's net.IP.String() prints it. */
export interface RouteAddress {
  readonly text: string;
  /** 4-byte address, or 16-byte IPv4-mapped: what Go's IP.To4() accepts. */
  readonly isIPv4: boolean;
}

export interface NextHop {
  readonly interfaceIndex: number;
  /** rtnh_hops: the hop's weight minus one. */
  readonly hops: number;
  readonly gateway?: RouteAddress;
}

export interface RouteRecord {
  readonly family: number;
  readonly destinationLength: number;
  readonly table: number;
  readonly protocol: number;
  readonly type: number;
  readonly destination?: RouteAddress;
  readonly preferredSource?: RouteAddress;
  readonly gateway?: RouteAddress;
  readonly outputInterface: number;
  readonly priority: number;
  readonly multipath: readonly NextHop[];
}

/** A 4- or 16-byte address; other lengths (an odd family) are left out as rtnetlink leaves them unprintable. */
export function decodeRouteAddress(value: Buffer): RouteAddress | undefined {
  if (value.length === 4) return { text: formatIPv4(value), isIPv4: true };
  if (value.length !== 16) return undefined;
  const mapped = value.subarray(0, 10).every((x) => x === 0) && value[10] === 0xff && value[11] === 0xff;
  return { text: formatIPv6(value), isIPv4: mapped };
}

function decodeNextHops(value: Buffer): NextHop[] {
  const hops: NextHop[] = [];
  let offset = 0;
  while (offset + RTNEXTHOP_LENGTH <= value.length) {
    const length = value.readUInt16LE(offset);
    if (length < RTNEXTHOP_LENGTH || offset + length > value.length) break;
    let gateway: RouteAddress | undefined;
    for (const a of netlinkAttributes(value.subarray(offset, offset + length), RTNEXTHOP_LENGTH)) {
      if (a.type === RTA_GATEWAY) gateway = decodeRouteAddress(a.value);
    }
    hops.push({ interfaceIndex: value.readInt32LE(offset + 4), hops: value.readUInt8(offset + 3), ...(gateway ? { gateway } : {}) });
    offset += (length + 3) & ~3;
  }
  return hops;
}

export function decodeRoute(payload: Buffer): RouteRecord | undefined {
  if (payload.length < RTMSG_LENGTH) return undefined;
  let table = payload.readUInt8(4);
  let destination: RouteAddress | undefined;
  let preferredSource: RouteAddress | undefined;
  let gateway: RouteAddress | undefined;
  let outputInterface = 0;
  let priority = 0;
  let multipath: NextHop[] = [];
  for (const a of netlinkAttributes(payload, RTMSG_LENGTH)) {
    if (a.type === RTA_DST) destination = decodeRouteAddress(a.value);
    else if (a.type === RTA_PREFSRC) preferredSource = decodeRouteAddress(a.value);
    else if (a.type === RTA_GATEWAY) gateway = decodeRouteAddress(a.value);
    else if (a.type === RTA_OIF && a.value.length >= 4) outputInterface = a.value.readUInt32LE(0);
    else if (a.type === RTA_PRIORITY && a.value.length >= 4) priority = a.value.readUInt32LE(0);
    else if (a.type === RTA_TABLE && a.value.length >= 4) table = a.value.readUInt32LE(0);
    else if (a.type === RTA_MULTIPATH) multipath = decodeNextHops(a.value);
  }
  return {
    family: payload.readUInt8(0),
    destinationLength: payload.readUInt8(1),
    table,
    protocol: payload.readUInt8(5),
    type: payload.readUInt8(7),
    ...(destination ? { destination } : {}),
    ...(preferredSource ? { preferredSource } : {}),
    ...(gateway ? { gateway } : {}),
    outputInterface,
    priority,
    multipath,
  };
}
