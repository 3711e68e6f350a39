import { describe, expect, it } from 'vitest';
import { ethtoolMetricName, sanitizeStatName } from '../../src/ethtool/stat-names.js';

describe('ethtool statistic names', () => {
  it('sanitises runs of other characters with their surrounding underscores into one underscore', () => {
    expect(sanitizeStatName('rx-queue_0 bytes')).toBe('rx_queue_0_bytes');
    expect(sanitizeStatName('port.tx_size__.64')).toBe('port_tx_size_64');
  });

  it('spells rx/tx out as whole words, lower-cases, and drops leading underscores', () => {
    expect(ethtoolMetricName('rx_queue_0_packets')).toBe('node_ethtool_received_queue_0_packets');
    expect(ethtoolMetricName('tx_kicks')).toBe('node_ethtool_transmitted_kicks');
    expect(ethtoolMetricName('RX_CRC_errors')).toBe('node_ethtool_received_crc_errors');
    expect(ethtoolMetricName('_tx_timeouts')).toBe('node_ethtool_transmitted_timeouts');
    expect(ethtoolMetricName('rx0_xdp_tx')).toBe('node_ethtool_rx0_xdp_transmitted');
    expect(ethtoolMetricName('trx_ok')).toBe('node_ethtool_trx_ok');
  });

  it('replaces non-overlapping matches only, as Go\'s ReplaceAllString (tx_tx keeps its second tx)', () => {
    expect(ethtoolMetricName('tx_tx_timeouts')).toBe('node_ethtool_transmitted_tx_timeouts');
  });
});
