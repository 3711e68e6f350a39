import { describe, expect, it } from 'vitest';
import { infinibandCollector } from '../../src/collectors/infiniband.js';
import { family, labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('infiniband', () => {
  it('reports HCA info, port state and counters (data counters in 4-byte words)', async () => {
    const f = await run(infinibandCollector);
    expect(value(f, 'node_infiniband_info', { device: 'mlx5_0', board_id: 'MT_0000000222', firmware_version: '20.31.1014', hca_type: 'MT4119' })).toBe(1);
    expect(value(f, 'node_infiniband_state_id', { device: 'mlx5_0', port: '1' })).toBe(4);
    expect(value(f, 'node_infiniband_physical_state_id', { device: 'mlx5_0', port: '2' })).toBe(3);
    expect(value(f, 'node_infiniband_rate_bytes_per_second', { port: '1' })).toBe(12_500_000_000);
    expect(value(f, 'node_infiniband_port_data_received_bytes_total', { port: '1' })).toBe(2221223609 * 4);
    expect(value(f, 'node_infiniband_legacy_data_received_bytes_total', { port: '1' })).toBe(9221223609 * 4);
    expect(value(f, 'node_infiniband_link_downed_total', { port: '1' })).toBe(1);
    expect(labelSets(f, 'node_infiniband_link_downed_total')).toEqual(['device=mlx5_0,port=1']); // port 2: N/A (no PMA)
    expect(family(f, 'node_infiniband_port_transmit_wait_total').type).toBe('counter');
  });
});

describe('infiniband failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(infinibandCollector);
  });
});
