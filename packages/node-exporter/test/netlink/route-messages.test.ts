import { describe, expect, it } from 'vitest';
import {
  decodeAddress, decodeLink, decodeRouteMessages, encodeDumpRequest, formatIPv6, RTM_GETADDR, RTM_NEWADDR,
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
  });

  it('prints IPv6 as Go\'s net.IP.String: longest zero run compressed, first on a tie, single zeros kept, v4-mapped dotted', () => {
    expect(formatIPv6(v6('0000:0000:0000:0000:0000:0000:0000:0001'))).toBe('::1');
    expect(formatIPv6(v6('0000:0000:0000:0000:0000:0000:0000:0000'))).toBe('::');
    expect(formatIPv6(v6('2001:0db8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(formatIPv6(v6('0001:0000:0000:0001:0000:0000:0000:0001'))).toBe('1:0:0:1::1');
    expect(formatIPv6(v6('0001:0000:0000:0001:0000:0000:0001:0001'))).toBe('1::1:0:0:1:1');
    expect(formatIPv6(v6('0001:0000:0001:0001:0001:0001:0001:0001'))).toBe('1:0:1:1:1:1:1:1');
    expect(formatIPv6(v6('0000:0000:0000:0000:0000:ffff:c000:0280'))).toBe('192.0.2.128');
  });

  it('reads the interface name from IFLA_IFNAME', () => {
    const info = Buffer.alloc(16);
    info.writeInt32LE(4, 4);
    expect(decodeLink(Buffer.concat([info, attr(3, Buffer.from('eth0\0'))]))).toEqual({ index: 4, name: 'eth0' });
    expect(decodeLink(info)).toBeUndefined();
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
});

describe.skipIf(process.platform !== 'linux')('the kernel address table on this host', () => {
  it('lists the loopback address with its prefix length, as `ip addr` does', async () => {
    const addresses = await readInterfaceAddresses();
    expect(addresses).toContainEqual(expect.objectContaining({ device: 'lo', address: '127.0.0.1', prefixLength: 8 }));
  });
});
