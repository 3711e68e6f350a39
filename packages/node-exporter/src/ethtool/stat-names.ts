/**
 * How node_exporter names a driver's ethtool statistic: sanitised (runs of characters outside
 * [0-9A-Za-z_], with the underscores around them, become one "_"), lower-cased, leading "_"
 * dropped, and rx/tx as whole words spelt received/transmitted.
 */

const INVALID_RUN = /_*[^0-9A-Za-z_]+_*/g;
const RECEIVED = /(^|_)rx(_|$)/g;
const TRANSMITTED = /(^|_)tx(_|$)/g;

export const sanitizeStatName = (name: string): string => name.replace(INVALID_RUN, '_');

export function ethtoolMetricName(statName: string): string {
  const base = sanitizeStatName(statName).toLowerCase().replace(/^_+/, '')
    .replace(RECEIVED, '$1received$2')
    .replace(TRANSMITTED, '$1transmitted$2');
  return `node_ethtool_${base}`;
}

/** Statistics node_exporter reports under fixed names of its own instead of the derived ones. */
export const FIXED_STAT_NAMES: ReadonlyMap<string, string> = new Map([
  ['rx_bytes', 'node_ethtool_received_bytes_total'],
  ['rx_dropped', 'node_ethtool_received_dropped_total'],
  ['rx_errors', 'node_ethtool_received_errors_total'],
  ['rx_packets', 'node_ethtool_received_packets_total'],
  ['tx_bytes', 'node_ethtool_transmitted_bytes_total'],
  ['tx_errors', 'node_ethtool_transmitted_errors_total'],
  ['tx_packets', 'node_ethtool_transmitted_packets_total'],
]);
