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

  it('reads an IPv6 multipath route followed by RTA_CACHEINFO and RTA_PREF, as rt6_fill_node sends it', () => {
    const r = decodeRoute(rtmsg({ family: 10, dstLen: 64, protocol: 4, type: 1 }, attr(15, u32(254)), attr(1, ip6('2001:0db8:0000:0001:0000:0000:0000:0000')), attr(6, u32(1024)),
      attr(9, Buffer.concat([nexthop(2, 0, attr(5, ip6('fe80:0000:0000:0000:0000:0000:0000:0001'))), nexthop(3, 0, attr(5, ip6('fe80:0000:0000:0000:0000:0000:0000:0002')))])),
      attr(12, Buffer.alloc(32)), attr(20, Buffer.from([0]))));
    expect(r).toEqual({
      family: 10, destinationLength: 64, table: 254, protocol: 4, type: 1, destination: { text: '2001:db8:0:1::', isIPv4: false }, outputInterface: 0, priority: 1024,
      multipath: [
        { interfaceIndex: 2, hops: 0, gateway: { text: 'fe80::1', isIPv4: false } },
        { interfaceIndex: 3, hops: 0, gateway: { text: 'fe80::2', isIPv4: false } },
      ],
    });
  });

  it('reads next hops without a gateway (multipath over devices), 8 bytes each, and keeps the gateway of one with a realm (RTA_FLOW)', () => {
    expect(decodeRoute(rtmsg({ family: 2, dstLen: 24, protocol: 4, type: 1 }, attr(9, Buffer.concat([nexthop(3, 0), nexthop(4, 1)]))))?.multipath)
      .toEqual([{ interfaceIndex: 3, hops: 0 }, { interfaceIndex: 4, hops: 1 }]);
    expect(decodeRoute(rtmsg({ family: 2, dstLen: 24, protocol: 4, type: 1 }, attr(9, nexthop(3, 0, attr(5, ip(10, 1, 1, 1)), attr(11, u32(5))))))?.multipath)
      .toEqual([{ interfaceIndex: 3, hops: 0, gateway: { text: '10.1.1.1', isIPv4: true } }]);
  });

  it('stops the next-hop walk at a hop shorter than struct rtnexthop or longer than what is left, keeping the hops before it', () => {
    const tooShort = nexthop(9, 0);
    tooShort.writeUInt16LE(4, 0);
    const tooLong = nexthop(9, 0);
    tooLong.writeUInt16LE(16, 0);
    for (const bad of [tooShort, tooLong]) {
      expect(decodeRoute(rtmsg({ family: 2, dstLen: 24, protocol: 4, type: 1 }, attr(9, Buffer.concat([nexthop(3, 0), bad]))))?.multipath)
        .toEqual([{ interfaceIndex: 3, hops: 0 }]);
    }
  });

  it('reads a route that is struct rtmsg alone, and ignores output interface, metric and table attributes shorter than a u32', () => {
    const bare = { family: 2, destinationLength: 0, table: 254, protocol: 3, type: 1, outputInterface: 0, priority: 0, multipath: [] };
    expect(decodeRoute(rtmsg({ family: 2, dstLen: 0, protocol: 3, type: 1 }))).toEqual(bare);
    expect(decodeRoute(rtmsg({ family: 2, dstLen: 0, protocol: 3, type: 1 }, attr(4, Buffer.from([2, 0])), attr(6, Buffer.from([1])), attr(15, Buffer.from([0, 1, 0]))))).toEqual(bare);
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
    expect(decodeRouteAddress(ip6('2001:0db8:0000:0000:0000:ffff:c000:0201'))).toEqual({ text: '2001:db8::ffff:c000:201', isIPv4: false });
    expect(decodeRouteAddress(ip6('0000:0000:0000:0000:0001:ffff:c000:0201'))).toEqual({ text: '::1:ffff:c000:201', isIPv4: false });
    expect(decodeRouteAddress(ip6('0000:0000:0000:0000:0000:00ff:c000:0201'))).toEqual({ text: '::ff:c000:201', isIPv4: false });
    expect(decodeRouteAddress(ip6('0000:0000:0000:0000:0000:ff00:c000:0201'))).toEqual({ text: '::ff00:c000:201', isIPv4: false });
  });
});
