import { describe, expect, it } from 'vitest';
import { decodeRoute, decodeRouteAddress, RTN_UNICAST } from '../../src/netlink/routes.js';
import { attr, ip, ip6, u32 } from './build.js';

/** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
function rtmsg(o: { family: number; dstLen: number; table?: number; protocol: number; type: number }, ...attrs: Buffer[]): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt8(o.family, 0);
  head.writeUInt8(o.dstLen, 1);
  head.writeUInt8(o.table ?? 254, 4);
  head.writeUInt8(o.protocol, 5);
  head.writeUInt8(o.type, 7);
  return Buffer.concat([head, ...attrs]);
}

function nexthop(ifindex: number, hops: number, ...attrs: Buffer[]): Buffer {
  const body = Buffer.concat(attrs);
  const head = Buffer.alloc(8);
  head.writeUInt16LE(8 + body.length, 0);
  head.writeUInt8(hops, 3);
  head.writeInt32LE(ifindex, 4);
  return Buffer.concat([head, body]);
}

describe('RTM_NEWROUTE decoding', () => {
  it('reads a connected IPv4 route: destination, preferred source, output interface, protocol', () => {
    const r = decodeRoute(rtmsg({ family: 2, dstLen: 24, protocol: 2, type: RTN_UNICAST },
      attr(15, u32(254)), attr(1, ip(192, 0, 2, 0)), attr(7, ip(192, 0, 2, 2)), attr(4, u32(2))));
    expect(r).toMatchObject({ family: 2, destinationLength: 24, table: 254, protocol: 2, type: 1, outputInterface: 2, priority: 0, multipath: [] });
    expect(r?.destination).toEqual({ text: '192.0.2.0', isIPv4: true });
    expect(r?.preferredSource?.text).toBe('192.0.2.2');
    expect(r?.gateway).toBeUndefined();
  });

  it('reads an IPv6 default route with a gateway and a metric, and the table from RTA_TABLE over rtm_table', () => {
    const r = decodeRoute(rtmsg({ family: 10, dstLen: 0, table: 252, protocol: 3, type: 1 },
      attr(15, u32(1000)), attr(5, ip6('fd00:0000:0000:0000:0000:0000:0000:0001')), attr(6, u32(1024)), attr(4, u32(2))));
    expect(r).toMatchObject({ destinationLength: 0, table: 1000, priority: 1024, outputInterface: 2 });
    expect(r?.destination).toBeUndefined();
    expect(r?.gateway).toEqual({ text: 'fd00::1', isIPv4: false });
  });

  it('reads each next hop of a multipath route with its interface, hop count and gateway', () => {
    const r = decodeRoute(rtmsg({ family: 2, dstLen: 8, protocol: 4, type: 1 }, attr(1, ip(10, 0, 0, 0)),
      attr(9, Buffer.concat([nexthop(3, 0, attr(5, ip(10, 1, 1, 1))), nexthop(4, 4, attr(5, ip(10, 2, 2, 2)))]))));
    expect(r?.multipath).toEqual([
      { interfaceIndex: 3, hops: 0, gateway: { text: '10.1.1.1', isIPv4: true } },
      { interfaceIndex: 4, hops: 4, gateway: { text: '10.2.2.2', isIPv4: true } },
    ]);
  });

  it('keeps the route type, so local and broadcast routes can be told from unicast ones', () => {
    expect(decodeRoute(rtmsg({ family: 2, dstLen: 32, protocol: 2, type: 2 }, attr(1, ip(127, 0, 0, 1))))?.type).toBe(2);
  });

  it('refuses a payload shorter than struct rtmsg and stops at a truncated attribute', () => {
    expect(decodeRoute(Buffer.alloc(11))).toBeUndefined();
    const truncated = Buffer.concat([rtmsg({ family: 2, dstLen: 24, protocol: 2, type: 1 }, attr(4, u32(7))), Buffer.from([40, 0, 1, 0, 1, 2])]);
    expect(decodeRoute(truncated)).toMatchObject({ outputInterface: 7 });
  });

  it('formats addresses as Go does: IPv4-mapped IPv6 in dotted form and counted as IPv4', () => {
    expect(decodeRouteAddress(ip6('0000:0000:0000:0000:0000:ffff:c000:0201'))).toEqual({ text: '192.0.2.1', isIPv4: true });
    expect(decodeRouteAddress(ip6('fe80:0000:0000:0000:0000:0000:0000:0000'))).toEqual({ text: 'fe80::', isIPv4: false });
    expect(decodeRouteAddress(ip(1, 2, 3))).toBeUndefined();
  });
});
