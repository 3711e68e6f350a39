import { describe, expect, it } from 'vitest';
import {
  decodeAddress, decodeLink, decodeRouteMessages, encodeDumpRequest, formatIPv6, NetlinkError, NLMSG_DONE, NLMSG_ERROR, RTM_GETADDR, RTM_NEWADDR, RTM_NEWLINK,
} from '../../src/netlink/route-messages.js';
import { readInterfaceAddresses } from '../../src/syscall/netlink-route.js';
import { attr, message } from './build.js';

function ifaddrmsg(family: number, prefix: number, index: number, ...attrs: Buffer[]): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt8(family, 0);
  head.writeUInt8(prefix, 1);
  head.writeUInt32LE(index, 4);
  return Buffer.concat([head, ...attrs]);
}

const v4 = (...b: number[]): Buffer => Buffer.from(b);
const v6 = (hex: string): Buffer => Buffer.from(hex.replace(/:/g, ''), 'hex');

describe('rtnetlink decoding', () => {
  it('encodes a dump request: length, type, NLM_F_REQUEST|NLM_F_DUMP, sequence, zeroed header', () => {
    const req = encodeDumpRequest(RTM_GETADDR, 8, 7);
    expect(req.length).toBe(24);
    expect([req.readUInt32LE(0), req.readUInt16LE(4), req.readUInt16LE(6), req.readUInt32LE(8)]).toEqual([24, RTM_GETADDR, 0x301, 7]);
    expect(req.subarray(16).every((b) => b === 0)).toBe(true);
  });

  it('takes IFA_ADDRESS for an ordinary IPv4 address and IFA_LOCAL on point-to-point links, as Go does', () => {
    expect(decodeAddress(ifaddrmsg(2, 16, 5, attr(1, v4(172, 17, 0, 1)), attr(3, Buffer.from('docker0\0')))))
      .toEqual({ index: 5, address: '172.17.0.1', prefixLength: 16 });
    expect(decodeAddress(ifaddrmsg(2, 32, 9, attr(1, v4(10, 0, 0, 2)), attr(2, v4(10, 0, 0, 1)))))
      .toEqual({ index: 9, address: '10.0.0.1', prefixLength: 32 });
  });

  it('decodes IPv6 addresses and ignores families other than inet and inet6', () => {
    expect(decodeAddress(ifaddrmsg(10, 64, 2, attr(1, v6('fe80:0000:0000:0000:00fc:00ff:fe00:0001')))))
      .toEqual({ index: 2, address: 'fe80::fc:ff:fe00:1', prefixLength: 64 });
    expect(decodeAddress(ifaddrmsg(17, 0, 2, attr(1, v4(1, 2, 3, 4))))).toBeUndefined();
    expect(decodeAddress(ifaddrmsg(17, 0, 2, attr(1, v6('fe80:0000:0000:0000:00fc:00ff:fe00:0001'))))).toBeUndefined();
  });

  it('gives no address for an address attribute too short for its family', () => {
    expect(decodeAddress(ifaddrmsg(2, 24, 3, attr(1, v4(10, 0, 0))))).toBeUndefined();
    expect(decodeAddress(ifaddrmsg(10, 64, 3, attr(1, v4(10, 0, 0, 1))))).toBeUndefined();
  });

  it.each([
    ['0000:0000:0000:0000:0000:0000:0000:0001', '::1'],
    ['0000:0000:0000:0000:0000:0000:0000:0000', '::'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['0001:0000:0000:0001:0000:0000:0000:0001', '1:0:0:1::1'],
    ['0001:0000:0000:0001:0000:0000:0001:0001', '1::1:0:0:1:1'],
    ['0001:0000:0001:0001:0001:0001:0001:0001', '1:0:1:1:1:1:1:1'],
    ['0000:0000:0000:0000:0000:ffff:c000:0280', '192.0.2.128'],
    // Dotted form only for the exact ::ffff:0:0/96 prefix (Go's IP.To4).
    ['2001:0db8:0000:0000:0000:ffff:c000:0280', '2001:db8::ffff:c000:280'],
    ['0000:0000:0000:0000:0001:ffff:c000:0280', '::1:ffff:c000:280'],
    ['0000:0000:0000:0000:0000:00ff:c000:0280', '::ff:c000:280'],
    ['0000:0000:0000:0000:0000:ff00:c000:0280', '::ff00:c000:280'],
    ['0000:0000:0000:0000:0000:0000:c000:0280', '::c000:280'],
  ])('prints IPv6 %s as Go\'s net.IP.String does: %s (longest zero run compressed, first on a tie, single zeros kept, v4-mapped dotted)', (hex, text) => {
    expect(formatIPv6(v6(hex))).toBe(text);
  });

  it('reads the interface name from IFLA_IFNAME', () => {
    const info = Buffer.alloc(16);
    info.writeInt32LE(4, 4);
    expect(decodeLink(Buffer.concat([info, attr(3, Buffer.from('eth0\0'))]))).toEqual({ index: 4, name: 'eth0' });
    expect(decodeLink(info)).toBeUndefined();
    // IFLA_ADDRESS, IFLA_MTU before the name: looked up by type, not position.
    expect(decodeLink(Buffer.concat([info, attr(1, Buffer.from([2, 0, 0, 0, 0, 1])), attr(4, Buffer.from([0xdc, 5, 0, 0])), attr(3, Buffer.from('eth0\0'))])))
      .toEqual({ index: 4, name: 'eth0' });
  });

  it('splits a datagram into messages, stops at NLMSG_DONE and turns NLMSG_ERROR into an error', () => {
    const payload = ifaddrmsg(2, 8, 1, attr(1, v4(127, 0, 0, 1)));
    const done = message(3, Buffer.alloc(4));
    const decoded = decodeRouteMessages(Buffer.concat([message(RTM_NEWADDR, payload), done]));
    expect(decoded.done).toBe(true);
    expect(decoded.messages.map((m) => decodeAddress(m.payload))).toEqual([{ index: 1, address: '127.0.0.1', prefixLength: 8 }]);
    expect(decodeRouteMessages(message(RTM_NEWADDR, payload)).done).toBe(false);
    const error = Buffer.alloc(20);
    error.writeInt32LE(-13, 0);
    expect(() => decodeRouteMessages(message(2, error))).toThrow('error 13');
    expect(() => decodeRouteMessages(message(RTM_NEWADDR, payload).subarray(0, 20))).toThrow('truncated');
  });

  it('names the kernel\'s error: a NetlinkError with the positive errno', () => {
    const error = Buffer.alloc(20);
    error.writeInt32LE(-13, 0);
    let thrown: unknown;
    try {
      decodeRouteMessages(message(NLMSG_ERROR, error));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(NetlinkError);
    expect(thrown).toMatchObject({ name: 'NetlinkError', errno: 13, message: 'netlink: the kernel answered error 13' });
  });

  it('passes over an acknowledgement (NLMSG_ERROR with error 0) between messages', () => {
    const ack = Buffer.alloc(20);
    const link = Buffer.concat([Buffer.alloc(16), attr(3, Buffer.from('lo\0'))]);
    const decoded = decodeRouteMessages(Buffer.concat([message(NLMSG_ERROR, ack), message(RTM_NEWLINK, link), message(NLMSG_DONE, Buffer.alloc(4))]));
    expect(decoded.done).toBe(true);
    expect(decoded.messages).toEqual([{ type: RTM_NEWLINK, payload: link }]);
  });

  it('ends the dump at a bare 16-byte NLMSG_DONE header at the end of the datagram', () => {
    const link = Buffer.concat([Buffer.alloc(16), attr(3, Buffer.from('lo\0'))]);
    const decoded = decodeRouteMessages(Buffer.concat([message(RTM_NEWLINK, link), message(NLMSG_DONE, Buffer.alloc(0))]));
    expect(decoded).toEqual({ messages: [{ type: RTM_NEWLINK, payload: link }], done: true });
    expect(decodeRouteMessages(message(RTM_NEWLINK, Buffer.alloc(0)))).toEqual({ messages: [{ type: RTM_NEWLINK, payload: Buffer.alloc(0) }], done: false });
  });

  it('refuses a message whose length is shorter than its header or runs past the datagram, naming length and offset', () => {
    const short = message(RTM_NEWLINK, Buffer.alloc(0));
    short.writeUInt32LE(8, 0);
    expect(() => decodeRouteMessages(short)).toThrow(new Error('netlink: truncated message (8 bytes at 0)'));
    const long = Buffer.concat([message(RTM_NEWLINK, Buffer.alloc(16)), message(RTM_NEWLINK, Buffer.alloc(16))]);
    long.writeUInt32LE(40, 32);
    expect(() => decodeRouteMessages(long)).toThrow(new Error('netlink: truncated message (40 bytes at 32)'));
  });
});

describe.skipIf(process.platform !== 'linux')('the kernel address table on this host', () => {
  it('lists the loopback address with its prefix length, as `ip addr` does', async () => {
    const addresses = await readInterfaceAddresses();
    expect(addresses).toContainEqual(expect.objectContaining({ device: 'lo', address: '127.0.0.1', prefixLength: 8 }));
  });
});
