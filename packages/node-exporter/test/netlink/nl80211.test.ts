import { describe, expect, it } from 'vitest';
import { decodeAssociatedBss, decodeStation, decodeWifiInterface, encodeInterfaceIndex } from '../../src/netlink/nl80211.js';
import { attr, cstr, u16, u32, u64 } from './build.js';

const genl = (cmd: number, ...attrs: Buffer[]): Buffer => Buffer.concat([Buffer.from([cmd, 1, 0, 0]), ...attrs]);
const nest = (type: number, ...attrs: Buffer[]): Buffer => attr(type, Buffer.concat(attrs));
const mac = Buffer.from([0x02, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e]);

describe('nl80211 decoding', () => {
  it('reads an interface: index, name, type and frequency', () => {
    expect(decodeWifiInterface(genl(7, attr(3, u32(4)), attr(4, cstr('wlan0')), attr(5, u32(2)), attr(38, u32(2412)))))
      .toEqual({ index: 4, name: 'wlan0', type: 2, frequencyMegahertz: 2412 });
    expect(decodeWifiInterface(genl(7, attr(5, u32(10))))).toEqual({ index: 0, name: '', type: 10, frequencyMegahertz: 0 });
  });

  it('reads a station: MAC, times in seconds, 64-bit byte counters, signed signal, bitrates in bit/s', () => {
    const s = decodeStation(genl(19, attr(3, u32(4)), attr(6, mac), nest(21,
      attr(16, u32(300)), attr(1, u32(1500)), attr(2, u32(7)), attr(23, u64(2n ** 33n)), attr(24, u64(5n)),
      attr(7, Buffer.from([0xc4])), attr(9, u32(11)), attr(10, u32(12)), attr(11, u32(13)), attr(12, u32(14)), attr(18, u32(15)),
      nest(14, attr(5, u32(8667))), nest(8, attr(1, u16(540))))));
    expect(s).toEqual({
      mac: '02:1a:2b:3c:4d:5e', connectedSeconds: 300, inactiveSeconds: 1.5, receivedBytes: 2 ** 33, transmittedBytes: 5, signalDbm: -60,
      receivedPackets: 11, transmittedPackets: 12, transmitRetries: 13, transmitFailed: 14, beaconLoss: 15,
      receiveBitsPerSecond: 866_700_000, transmitBitsPerSecond: 54_000_000,
    });
  });

  it('uses the 32-bit byte counters only without the 64-bit ones', () => {
    expect(decodeStation(genl(19, attr(6, mac), nest(21, attr(2, u32(7)), attr(3, u32(9)))))).toMatchObject({ receivedBytes: 7, transmittedBytes: 9 });
  });

  it('has no station without NL80211_ATTR_STA_INFO', () => {
    expect(decodeStation(genl(19, attr(6, mac)))).toBeUndefined();
  });

  it('picks the scan entry that has a status as the associated BSS, with its SSID element', () => {
    const elements = Buffer.concat([Buffer.from([1, 2, 0x82, 0x84]), Buffer.from([0, 3]), Buffer.from('lab')]);
    const unassociated = genl(34, nest(47, attr(1, mac), attr(6, elements)));
    expect(decodeAssociatedBss(unassociated)).toBeUndefined();
    expect(decodeAssociatedBss(genl(34, attr(3, u32(4)), nest(47, attr(1, mac), attr(6, elements), attr(9, u32(1))))))
      .toEqual({ bssid: '02:1a:2b:3c:4d:5e', ssid: 'lab', status: 1 });
  });

  it('encodes the interface index request attribute', () => {
    expect(encodeInterfaceIndex(7)).toEqual(attr(3, u32(7)));
  });
});
