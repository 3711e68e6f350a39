/**
 * /sys/class/net/<dev>/statistics holds the kernel's rtnl_link_stats64 counters, one file each —
 * the same values node_exporter reads over netlink. Its detailed metric names are the file names
 * with rx_/tx_ spelled out.
 */
export function detailedCounterName(file: string): string | undefined {
  if (!/^[a-z0-9_]+$/.test(file)) return undefined;
  if (file.startsWith('rx_')) return `receive_${file.slice(3)}`;
  if (file.startsWith('tx_')) return `transmit_${file.slice(3)}`;
  return file;
}
