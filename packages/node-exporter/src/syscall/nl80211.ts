import { decodeFamily, encodeGenericDump, encodeGetFamily, GENL_ID_CTRL } from '../netlink/generic.js';
import { decodeWifiInterface, NL80211_CMD_GET_INTERFACE, type WifiInterface } from '../netlink/nl80211.js';
import { netlinkTransact, NETLINK_GENERIC } from './netlink-socket.js';

/**
 * The wireless interfaces the kernel's nl80211 knows. Throws NetlinkError with errno ENOENT (2)
 * when the host has no nl80211 at all (no cfg80211, no wireless hardware).
 */
export async function readWifiInterfaces(): Promise<WifiInterface[]> {
  const [familyMessage] = await netlinkTransact(NETLINK_GENERIC, encodeGetFamily('nl80211', 1), GENL_ID_CTRL, false);
  const family = familyMessage === undefined ? undefined : decodeFamily(familyMessage.payload);
  if (family === undefined) throw new Error('nl80211: the generic netlink controller gave no family id');
  const messages = await netlinkTransact(NETLINK_GENERIC, encodeGenericDump(family.id, NL80211_CMD_GET_INTERFACE, 2), family.id, true);
  return messages.map((m) => decodeWifiInterface(m.payload));
}
