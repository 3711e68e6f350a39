/**
 * nl80211 records (linux/nl80211.h) as mdlayher/wifi decodes them for node_exporter's wifi
 * collector: interfaces (NL80211_CMD_NEW_INTERFACE), the BSS an interface is associated with
 * (the scan entry carrying NL80211_BSS_STATUS) and its stations (NL80211_ATTR_STA_INFO).
 */
import { cString, encodeAttribute, netlinkAttributes, type NetlinkAttribute } from './attributes.js';
import { GENL_HEADER_LENGTH } from './generic.js';

export const NL80211_CMD_GET_INTERFACE = 5;
export const NL80211_CMD_GET_STATION = 17;
export const NL80211_CMD_GET_SCAN = 32;
const NL80211_ATTR_IFINDEX = 3;
const NL80211_ATTR_IFNAME = 4;
const NL80211_ATTR_IFTYPE = 5;
const NL80211_ATTR_MAC = 6;
const NL80211_ATTR_STA_INFO = 21;
const NL80211_ATTR_WIPHY_FREQ = 38;
const NL80211_ATTR_BSS = 47;

const STA_INFO = {
  inactiveTime: 1, rxBytes: 2, txBytes: 3, signal: 7, txBitrate: 8, rxPackets: 9, txPackets: 10,
  txRetries: 11, txFailed: 12, rxBitrate: 14, connectedTime: 16, beaconLoss: 18, rxBytes64: 23, txBytes64: 24,
} as const;
const RATE_INFO_BITRATE = 1;
const RATE_INFO_BITRATE32 = 5;
const BSS_BSSID = 1;
const BSS_INFORMATION_ELEMENTS = 6;
const BSS_STATUS = 9;
const IE_SSID = 0;

export interface WifiInterface {
  readonly index: number;
  readonly name: string;
  /** enum nl80211_iftype (2 = station, 3 = access point, …). */
  readonly type: number;
  /** The channel's centre frequency, MHz; 0 when not on a channel. */
  readonly frequencyMegahertz: number;
}

export interface WifiStation {
  /** As Go's net.HardwareAddr.String(): lower-case hex pairs joined by ":". */
  readonly mac: string;
  readonly connectedSeconds: number;
  readonly inactiveSeconds: number;
  readonly receiveBitsPerSecond: number;
  readonly transmitBitsPerSecond: number;
  readonly receivedBytes: number;
  readonly transmittedBytes: number;
  readonly signalDbm: number;
  readonly transmitRetries: number;
  readonly transmitFailed: number;
  readonly beaconLoss: number;
  readonly receivedPackets: number;
  readonly transmittedPackets: number;
}

export interface WifiBss {
  readonly bssid: string;
  readonly ssid: string;
  /** enum nl80211_bss_status: 0 authenticated, 1 associated, 2 IBSS joined. */
  readonly status: number;
}

export const formatMac = (b: Buffer): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
const u32 = (a: NetlinkAttribute): number => (a.value.length >= 4 ? a.value.readUInt32LE(0) : 0);
const u64 = (a: NetlinkAttribute): number => (a.value.length >= 8 ? Number(a.value.readBigUInt64LE(0)) : 0);

/** The request attribute that names the interface a station or scan dump is about. */
export const encodeInterfaceIndex = (index: number): Buffer => {
  const v = Buffer.alloc(4);
  v.writeUInt32LE(index);
  return encodeAttribute(NL80211_ATTR_IFINDEX, v);
};

export function decodeWifiInterface(payload: Buffer): WifiInterface {
  let index = 0;
  let name = '';
  let type = 0;
  let frequencyMegahertz = 0;
  for (const a of netlinkAttributes(payload, GENL_HEADER_LENGTH)) {
    if (a.type === NL80211_ATTR_IFINDEX) index = u32(a);
    else if (a.type === NL80211_ATTR_IFNAME) name = cString(a.value);
    else if (a.type === NL80211_ATTR_IFTYPE) type = u32(a);
    else if (a.type === NL80211_ATTR_WIPHY_FREQ) frequencyMegahertz = u32(a);
  }
  return { index, name, type, frequencyMegahertz };
}

/** NL80211_RATE_INFO_BITRATE32, else the 16-bit BITRATE; both in 100 kbit/s. */
function bitrate(value: Buffer): number {
  let rate = 0;
  for (const a of netlinkAttributes(value)) {
    if (a.type === RATE_INFO_BITRATE32) rate = u32(a);
    if (rate === 0 && a.type === RATE_INFO_BITRATE && a.value.length >= 2) rate = a.value.readUInt16LE(0);
  }
  return rate * 100_000;
}

/** One station of a NL80211_CMD_GET_STATION dump; undefined without NL80211_ATTR_STA_INFO. */
export function decodeStation(payload: Buffer): WifiStation | undefined {
  let mac = '';
  for (const a of netlinkAttributes(payload, GENL_HEADER_LENGTH)) {
    if (a.type === NL80211_ATTR_MAC) mac = formatMac(a.value);
    else if (a.type === NL80211_ATTR_STA_INFO) return { mac, ...decodeStationInfo(a.value) };
  }
  return undefined;
}

function decodeStationInfo(value: Buffer): Omit<WifiStation, 'mac'> {
  const s = {
    connectedSeconds: 0, inactiveSeconds: 0, receiveBitsPerSecond: 0, transmitBitsPerSecond: 0, receivedBytes: 0, transmittedBytes: 0,
    signalDbm: 0, transmitRetries: 0, transmitFailed: 0, beaconLoss: 0, receivedPackets: 0, transmittedPackets: 0,
  };
  for (const a of netlinkAttributes(value)) {
    switch (a.type) {
      case STA_INFO.connectedTime: s.connectedSeconds = u32(a); break;
      case STA_INFO.inactiveTime: s.inactiveSeconds = u32(a) / 1000; break;
      case STA_INFO.rxBytes64: s.receivedBytes = u64(a); break;
      case STA_INFO.txBytes64: s.transmittedBytes = u64(a); break;
      case STA_INFO.signal: s.signalDbm = a.value.length >= 1 ? a.value.readInt8(0) : 0; break;
      case STA_INFO.rxPackets: s.receivedPackets = u32(a); break;
      case STA_INFO.txPackets: s.transmittedPackets = u32(a); break;
      case STA_INFO.txRetries: s.transmitRetries = u32(a); break;
      case STA_INFO.txFailed: s.transmitFailed = u32(a); break;
      case STA_INFO.beaconLoss: s.beaconLoss = u32(a); break;
      case STA_INFO.rxBitrate: s.receiveBitsPerSecond = bitrate(a.value); break;
      case STA_INFO.txBitrate: s.transmitBitsPerSecond = bitrate(a.value); break;
      default: break;
    }
    // The 32-bit byte counters only where the 64-bit ones are absent (or come later and replace them).
    if (s.receivedBytes === 0 && a.type === STA_INFO.rxBytes) s.receivedBytes = u32(a);
    if (s.transmittedBytes === 0 && a.type === STA_INFO.txBytes) s.transmittedBytes = u32(a);
  }
  return s;
}

/** The SSID information element (id 0) of a BSS's information elements. */
function ssidOf(elements: Buffer): string {
  let ssid = '';
  for (let at = 0; at + 2 <= elements.length; ) {
    const id = elements.readUInt8(at);
    const length = elements.readUInt8(at + 1);
    if (at + 2 + length > elements.length) break;
    if (id === IE_SSID) ssid = elements.toString('utf8', at + 2, at + 2 + length);
    at += 2 + length;
  }
  return ssid;
}

/** The associated BSS in one NL80211_CMD_GET_SCAN message: the entry that has a status. */
export function decodeAssociatedBss(payload: Buffer): WifiBss | undefined {
  for (const a of netlinkAttributes(payload, GENL_HEADER_LENGTH)) {
    if (a.type !== NL80211_ATTR_BSS) continue;
    const nested = [...netlinkAttributes(a.value)];
    const status = nested.find((n) => n.type === BSS_STATUS);
    if (status === undefined) continue;
    const bssid = nested.find((n) => n.type === BSS_BSSID);
    const elements = nested.find((n) => n.type === BSS_INFORMATION_ELEMENTS);
    return { bssid: bssid ? formatMac(bssid.value) : '', ssid: elements ? ssidOf(elements.value) : '', status: u32(status) };
  }
  return undefined;
}
