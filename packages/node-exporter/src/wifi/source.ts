import type { WifiBss, WifiInterface, WifiStation } from '../netlink/nl80211.js';

/**
 * What the wifi collector asks, per scrape: the kernel over nl80211, or node_exporter's JSON
 * fixtures. `bss` is undefined when the interface is associated with none; `stations` is
 * undefined when the kernel or the fixtures have no station data for it.
 */
export interface WifiSource {
  interfaces(): Promise<WifiInterface[]>;
  bss(ifi: WifiInterface): Promise<WifiBss | undefined>;
  stations(ifi: WifiInterface): Promise<WifiStation[] | undefined>;
}
