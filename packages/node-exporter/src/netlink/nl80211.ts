/**
 * nl80211 interface records (linux/nl80211.h, NL80211_CMD_NEW_INTERFACE), the part of
 * mdlayher/wifi's Interface node_exporter's wifi collector reports without BSS or station data.
 */
import { cString, netlinkAttributes } from './attributes.js';
import { GENL_HEADER_LENGTH } from './generic.js';

export const NL80211_CMD_GET_INTERFACE = 5;
const NL80211_ATTR_IFINDEX = 3;
const NL80211_ATTR_IFNAME = 4;
const NL80211_ATTR_IFTYPE = 5;
const NL80211_ATTR_WIPHY_FREQ = 38;

export interface WifiInterface {
  readonly index: number;
  readonly name: string;
  /** enum nl80211_iftype (2 = station, 3 = access point, …). */
  readonly type: number;
  /** The channel's centre frequency, MHz; 0 when not on a channel. */
  readonly frequencyMegahertz: number;
}

export function decodeWifiInterface(payload: Buffer): WifiInterface {
  let index = 0;
  let name = '';
  let type = 0;
  let frequencyMegahertz = 0;
  for (const a of netlinkAttributes(payload, GENL_HEADER_LENGTH)) {
    if (a.type === NL80211_ATTR_IFINDEX && a.value.length >= 4) index = a.value.readUInt32LE(0);
    else if (a.type === NL80211_ATTR_IFNAME) name = cString(a.value);
    else if (a.type === NL80211_ATTR_IFTYPE && a.value.length >= 4) type = a.value.readUInt32LE(0);
    else if (a.type === NL80211_ATTR_WIPHY_FREQ && a.value.length >= 4) frequencyMegahertz = a.value.readUInt32LE(0);
  }
  return { index, name, type, frequencyMegahertz };
}
