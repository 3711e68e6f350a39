import { decodeFamily, encodeGenericDump, encodeGetFamily, GENL_ID_CTRL } from '../netlink/generic.js';
import {
  decodeAssociatedBss, decodeStation, decodeWifiInterface, encodeInterfaceIndex,
  NL80211_CMD_GET_INTERFACE, NL80211_CMD_GET_SCAN, NL80211_CMD_GET_STATION, type WifiStation,
} from '../netlink/nl80211.js';
import { NetlinkError } from '../netlink/route-messages.js';
import type { WifiSource } from '../wifi/source.js';
import { netlinkTransact, NETLINK_GENERIC } from './netlink-socket.js';

const ENOENT = 2;

/** ENOENT from a per-interface dump means "nothing for this interface", as mdlayher/wifi's os.ErrNotExist. */
async function unlessMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof NetlinkError && err.errno === ENOENT) return undefined;
    throw err;
  }
}

/**
 * nl80211 over generic netlink. Resolving the family throws NetlinkError with errno ENOENT (2)
 * when the host has no nl80211 at all (no cfg80211, no wireless hardware).
 */
export async function openNl80211(): Promise<WifiSource> {
  const [familyMessage] = await netlinkTransact(NETLINK_GENERIC, encodeGetFamily('nl80211', 1), GENL_ID_CTRL, false);
  const family = familyMessage === undefined ? undefined : decodeFamily(familyMessage.payload);
  if (family === undefined) throw new Error('nl80211: the generic netlink controller gave no family id');
  const dump = (command: number, index?: number) =>
    netlinkTransact(NETLINK_GENERIC, encodeGenericDump(family.id, command, 2, index === undefined ? [] : [encodeInterfaceIndex(index)]), family.id, true);
  return {
    interfaces: async () => (await dump(NL80211_CMD_GET_INTERFACE)).map((m) => decodeWifiInterface(m.payload)),
    bss: async (ifi) => {
      const messages = await unlessMissing(dump(NL80211_CMD_GET_SCAN, ifi.index));
      for (const m of messages ?? []) {
        const bss = decodeAssociatedBss(m.payload);
        if (bss) return bss;
      }
      return undefined;
    },
    stations: async (ifi) => {
      const messages = await unlessMissing(dump(NL80211_CMD_GET_STATION, ifi.index));
      if (messages === undefined) return undefined;
      const stations = messages.map((m) => decodeStation(m.payload));
      // mdlayher/wifi: one message without station info makes the whole answer "not found".
      return stations.every((s): s is WifiStation => s !== undefined) ? stations : undefined;
    },
  };
}
