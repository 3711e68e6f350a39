import { ParseError } from '../procfs/errors.js';

/** [file under the port, metric suffix, multiplier]: data counters count 4-octet words. */
export const IB_COUNTERS: ReadonlyArray<readonly [string, string, number]> = [
  ['counters/excessive_buffer_overrun_errors', 'excessive_buffer_overrun_errors_total', 1],
  ['counters/link_downed', 'link_downed_total', 1],
  ['counters/link_error_recovery', 'link_error_recovery_total', 1],
  ['counters/local_link_integrity_errors', 'local_link_integrity_errors_total', 1],
  ['counters/multicast_rcv_packets', 'multicast_packets_received_total', 1],
  ['counters/multicast_xmit_packets', 'multicast_packets_transmitted_total', 1],
  ['counters/port_rcv_constraint_errors', 'port_constraint_errors_received_total', 1],
  ['counters/port_xmit_constraint_errors', 'port_constraint_errors_transmitted_total', 1],
  ['counters/port_rcv_data', 'port_data_received_bytes_total', 4],
  ['counters/port_xmit_data', 'port_data_transmitted_bytes_total', 4],
  ['counters/port_rcv_discards', 'port_discards_received_total', 1],
  ['counters/port_xmit_discards', 'port_discards_transmitted_total', 1],
  ['counters/port_rcv_errors', 'port_errors_received_total', 1],
  ['counters/port_rcv_packets', 'port_packets_received_total', 1],
  ['counters/port_xmit_packets', 'port_packets_transmitted_total', 1],
  ['counters/port_xmit_wait', 'port_transmit_wait_total', 1],
  ['counters/port_rcv_remote_physical_errors', 'port_receive_remote_physical_errors_total', 1],
  ['counters/port_rcv_switch_relay_errors', 'port_receive_switch_relay_errors_total', 1],
  ['counters/symbol_error', 'symbol_error_total', 1],
  ['counters/unicast_rcv_packets', 'unicast_packets_received_total', 1],
  ['counters/unicast_xmit_packets', 'unicast_packets_transmitted_total', 1],
  ['counters/VL15_dropped', 'vl15_dropped_total', 1],
  ['counters_ext/port_multicast_rcv_packets', 'legacy_multicast_packets_received_total', 1],
  ['counters_ext/port_multicast_xmit_packets', 'legacy_multicast_packets_transmitted_total', 1],
  ['counters_ext/port_rcv_data_64', 'legacy_data_received_bytes_total', 4],
  ['counters_ext/port_rcv_packets_64', 'legacy_packets_received_total', 1],
  ['counters_ext/port_unicast_rcv_packets', 'legacy_unicast_packets_received_total', 1],
  ['counters_ext/port_unicast_xmit_packets', 'legacy_unicast_packets_transmitted_total', 1],
  ['counters_ext/port_xmit_data_64', 'legacy_data_transmitted_bytes_total', 4],
  ['counters_ext/port_xmit_packets_64', 'legacy_packets_transmitted_total', 1],
];

/** "4: ACTIVE" / "5: LinkUp" → the numeric id. */
export function parseIbStateId(text: string): number {
  const m = /^\s*(\d+):/.exec(text);
  if (!m) throw new ParseError(`infiniband state ${JSON.stringify(text.trim())}: expected "<id>: <name>"`);
  return Number(m[1]);
}

/** "40 Gb/sec (4X QDR)" / "2.5 Gb/sec (1X SDR)" → bytes per second. */
export function parseIbRate(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s+Gb\/sec/.exec(text);
  if (!m) throw new ParseError(`infiniband rate ${JSON.stringify(text.trim())}: expected "<n> Gb/sec"`);
  return (Number(m[1]) * 1e9) / 8;
}

/** A counter file; "N/A (no PMA)" means the port has no performance agent: absent. */
export function parseIbCounter(text: string): number | undefined {
  const t = text.trim();
  if (t.startsWith('N/A')) return undefined;
  if (!/^\d+$/.test(t)) throw new ParseError(`infiniband counter ${JSON.stringify(t.slice(0, 30))} is not a number`);
  return Number(t);
}
