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

  it('reads an interface from the full NL80211_CMD_NEW_INTERFACE message: the channel, power and SSID attributes after the frequency are left alone', () => {
    // nl80211_send_iface order: IFINDEX, IFNAME, WIPHY, IFTYPE, WDEV, MAC, GENERATION, 4ADDR, WIPHY_FREQ,
    // CHANNEL_WIDTH (3 = 80 MHz), CENTER_FREQ1, WIPHY_TX_POWER_LEVEL (mBm), SSID.
    const iface = genl(7, attr(3, u32(3)), attr(4, cstr('wlp2s0')), attr(1, u32(0)), attr(5, u32(2)), attr(153, u64(1n)), attr(6, mac),
      attr(46, u32(21)), attr(83, Buffer.from([0])), attr(38, u32(5180)), attr(159, u32(3)), attr(160, u32(5210)), attr(98, u32(2000)),
      attr(52, Buffer.from('lab')));
    expect(decodeWifiInterface(iface)).toEqual({ index: 3, name: 'wlp2s0', type: 2, frequencyMegahertz: 5180 });
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

  it('reads a freshly associated station with zero byte counters from the kernel\'s full attribute list', () => {
    // nl80211_send_station order: CONNECTED_TIME, INACTIVE_TIME, RX_BYTES, TX_BYTES, RX_BYTES64, TX_BYTES64, SIGNAL,
    // SIGNAL_AVG, TX_BITRATE, RX_BITRATE, RX_PACKETS, TX_PACKETS, TX_RETRIES, TX_FAILED, BEACON_LOSS, BSS_PARAM, STA_FLAGS.
    const s = decodeStation(genl(19, attr(3, u32(3)), attr(6, mac), attr(46, u32(9)), nest(21,
      attr(16, u32(2)), attr(1, u32(40)), attr(2, u32(0)), attr(3, u32(0)), attr(23, u64(0n)), attr(24, u64(0n)),
      attr(7, Buffer.from([0xd0])), attr(13, Buffer.from([0xce])), nest(8, attr(5, u32(60)), attr(1, u16(60))), nest(14, attr(5, u32(10)), attr(1, u16(10))),
      attr(9, u32(3)), attr(10, u32(4)), attr(11, u32(0)), attr(12, u32(0)), attr(18, u32(0)),
      nest(15, attr(3, Buffer.alloc(0)), attr(4, Buffer.from([2])), attr(5, u16(100))), attr(17, Buffer.from([0x7e, 0, 0, 0, 0x62, 0, 0, 0])))));
    expect(s).toEqual({
      mac: '02:1a:2b:3c:4d:5e', connectedSeconds: 2, inactiveSeconds: 0.04, receivedBytes: 0, transmittedBytes: 0, signalDbm: -48,
      receivedPackets: 3, transmittedPackets: 4, transmitRetries: 0, transmitFailed: 0, beaconLoss: 0,
      receiveBitsPerSecond: 1_000_000, transmitBitsPerSecond: 6_000_000,
    });
  });

  it('keeps the 64-bit byte counters when a wrapped 32-bit one comes after them', () => {
    const s = decodeStation(genl(19, attr(6, mac), nest(21, attr(23, u64(2n ** 33n + 5n)), attr(24, u64(2n ** 32n + 9n)), attr(2, u32(5)), attr(3, u32(9)))));
    expect(s).toMatchObject({ receivedBytes: 2 ** 33 + 5, transmittedBytes: 2 ** 32 + 9 });
  });

  it('has an empty MAC without NL80211_ATTR_MAC and a zero signal for an empty signal attribute', () => {
    expect(decodeStation(genl(19, nest(21, attr(16, u32(1)), attr(7, Buffer.alloc(0)))))).toMatchObject({ mac: '', connectedSeconds: 1, signalDbm: 0 });
  });

  it.each([
    ['VHT: BITRATE32 and the equal 16-bit BITRATE, then width, MCS, NSS and short-GI', [attr(5, u32(8667)), attr(1, u16(8667)), attr(8, Buffer.alloc(0)), attr(6, Buffer.from([9])), attr(7, Buffer.from([2])), attr(4, Buffer.alloc(0))], 866_700_000],
    ['HE over 6.5 Gbit/s: BITRATE32 only (no 16-bit BITRATE fits)', [attr(5, u32(96078)), attr(10, Buffer.alloc(0)), attr(13, Buffer.from([11])), attr(14, Buffer.from([8])), attr(15, Buffer.from([0])), attr(16, Buffer.from([0]))], 9_607_800_000],
    ['a 16-bit BITRATE only (a kernel before BITRATE32)', [attr(1, u16(540))], 54_000_000],
    ['BITRATE32 over a different 16-bit BITRATE after it', [attr(5, u32(8667)), attr(1, u16(540))], 866_700_000],
    ['BITRATE32 over a different 16-bit BITRATE before it', [attr(1, u16(540)), attr(5, u32(8667))], 866_700_000],
    ['no bitrate at all (an MCS the kernel cannot rate), with an unknown 4-byte attribute', [attr(2, Buffer.from([33])), attr(40, u32(7))], 0],
    ['a 16-bit BITRATE cut to one byte', [attr(1, Buffer.from([54]))], 0],
  ])('reads the transmit bitrate of %s', (_what, rate, bitsPerSecond) => {
    const s = decodeStation(genl(19, attr(6, mac), nest(21, nest(8, ...rate))));
    expect(s?.transmitBitsPerSecond).toBe(bitsPerSecond);
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

  it('reads the associated BSS from a full scan result: the SSID element among the others, status last', () => {
    // nl80211_send_bss order: BSSID, TSF, INFORMATION_ELEMENTS, BEACON_INTERVAL, CAPABILITY, FREQUENCY, SEEN_MS_AGO, SIGNAL_MBM, STATUS.
    const elements = Buffer.concat([Buffer.from([0, 3]), Buffer.from('lab'), Buffer.from([1, 4, 0x82, 0x84, 0x8b, 0x96]), Buffer.from([3, 1, 6])]);
    const bss = genl(34, attr(46, u32(12)), attr(3, u32(3)), attr(153, u64(1n)), nest(47, attr(1, mac), attr(3, u64(123456789n)), attr(6, elements),
      attr(4, u16(100)), attr(5, u16(0x431)), attr(2, u32(2437)), attr(10, u32(20)), attr(7, u32(-4500 >>> 0)), attr(9, u32(1))));
    expect(decodeAssociatedBss(bss)).toEqual({ bssid: '02:1a:2b:3c:4d:5e', ssid: 'lab', status: 1 });
  });

  it('has an empty BSSID when the kernel leaves out an all-zero one, and an empty SSID without information elements', () => {
    expect(decodeAssociatedBss(genl(34, nest(47, attr(3, u64(123456789n)), attr(2, u32(2437)), attr(9, u32(0)))))).toEqual({ bssid: '', ssid: '', status: 0 });
  });

  it.each([
    ['no SSID element', Buffer.from([1, 2, 0x82, 0x84, 3, 1, 6]), ''],
    ['a hidden (empty) SSID', Buffer.from([0, 0, 1, 1, 0x82]), ''],
    ['two SSID elements: the last wins, even an empty one at the very end (as mdlayher/wifi)', Buffer.concat([Buffer.from([0, 3]), Buffer.from('lab'), Buffer.from([0, 0])]), ''],
    ['an SSID element claiming more bytes than there are', Buffer.concat([Buffer.from([0, 5]), Buffer.from('lab')]), ''],
    ['an SSID element claiming one byte more than there is', Buffer.concat([Buffer.from([1, 1, 0x82, 0, 4]), Buffer.from('lab')]), ''],
    ['an SSID before a truncated element', Buffer.concat([Buffer.from([0, 3]), Buffer.from('lab'), Buffer.from([1, 8, 0x82])]), 'lab'],
  ])('reads the SSID of a BSS with %s', (_what, elements, ssid) => {
    expect(decodeAssociatedBss(genl(34, nest(47, attr(1, mac), attr(6, elements), attr(9, u32(1)))))?.ssid).toBe(ssid);
  });

  it('takes the BSS only from NL80211_ATTR_BSS, even when another attribute\'s bytes parse as a nested status', () => {
    // Generation 0x00090004 is, byte for byte, an empty attribute of type 9 (NL80211_BSS_STATUS).
    expect(decodeAssociatedBss(genl(34, attr(46, u32(0x00090004)), nest(47, attr(1, mac), attr(9, u32(1))))))
      .toEqual({ bssid: '02:1a:2b:3c:4d:5e', ssid: '', status: 1 });
  });

  it('encodes the interface index request attribute', () => {
    expect(encodeInterfaceIndex(7)).toEqual(attr(3, u32(7)));
  });
});
