import { describe, expect, it } from 'vitest';
import { ipvsCollector } from '../../src/collectors/ipvs.js';
import { infinibandCollector } from '../../src/collectors/infiniband.js';
import { fibrechannelCollector } from '../../src/collectors/fibrechannel.js';
import { tapestatsCollector } from '../../src/collectors/tapestats.js';
import { xfsCollector } from '../../src/collectors/xfs.js';
import { family, fixtureContext, labelSets, run, value } from './helpers.js';

describe('ipvs', () => {
  it('reads the hex totals', async () => {
    const f = await run(ipvsCollector);
    expect(value(f, 'node_ipvs_connections_total')).toBe(0x2c1a07);
    expect(value(f, 'node_ipvs_incoming_packets_total')).toBe(0x3e07f1a2);
    expect(value(f, 'node_ipvs_incoming_bytes_total')).toBe(0x4b0fa2c8813e);
    expect(value(f, 'node_ipvs_outgoing_bytes_total')).toBe(0);
  });
  it('labels real servers with decoded IPv4/IPv6 addresses, decimal ports and the firewall mark', async () => {
    const f = await run(ipvsCollector);
    expect(value(f, 'node_ipvs_backend_connections_active', { local_address: '10.20.0.100', local_port: '443', remote_address: '10.20.11.12', remote_port: '443', proto: 'TCP', local_mark: '' })).toBe(312);
    expect(value(f, 'node_ipvs_backend_weight', { remote_address: '10.20.11.13' })).toBe(50);
    expect(value(f, 'node_ipvs_backend_connections_inactive', { local_address: 'fd00::53', local_port: '53', remote_address: 'fd00::b01', proto: 'UDP' })).toBe(4);
    expect(value(f, 'node_ipvs_backend_connections_active', { proto: 'FWM', local_mark: '00000a2f', local_address: '', local_port: '0', remote_address: '10.20.12.1', remote_port: '80' })).toBe(8);
  });
  it('sums real servers that look alike under fewer backend labels', async () => {
    const f = await run(ipvsCollector, fixtureContext({ 'collector.ipvs.backend-labels': 'proto' }));
    expect(labelSets(f, 'node_ipvs_backend_connections_active')).toEqual(['proto=FWM', 'proto=TCP', 'proto=UDP']);
    expect(value(f, 'node_ipvs_backend_connections_active', { proto: 'TCP' })).toBe(452);
  });
});

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

describe('fibrechannel', () => {
  it('reports the host info and the hex statistics', async () => {
    const f = await run(fibrechannelCollector);
    expect(value(f, 'node_fibrechannel_info', { fc_host: 'host3', speed: '16 Gbit', port_state: 'Online', port_id: '010a00', port_name: '21000024ff7ef9db', fabric_name: '100050eb1a8b5e50', dev_loss_tmo: '30', supported_speeds: '4 Gbit, 8 Gbit, 16 Gbit' })).toBe(1);
    expect(value(f, 'node_fibrechannel_rx_frames_total', { fc_host: 'host3' })).toBe(0x3a1f);
    expect(value(f, 'node_fibrechannel_invalid_crc_total', { fc_host: 'host3' })).toBe(2);
    expect(value(f, 'node_fibrechannel_seconds_since_last_reset_total', { fc_host: 'host3' })).toBe(1200);
    expect(value(f, 'node_fibrechannel_fcp_packet_aborts_total', { fc_host: 'host3' })).toBe(7);
  });
});

describe('tapestats', () => {
  it('reports st0 only, ns converted to seconds', async () => {
    const f = await run(tapestatsCollector);
    expect(labelSets(f, 'node_tape_io_now')).toEqual(['device=st0']);
    expect(value(f, 'node_tape_io_now', { device: 'st0' })).toBe(1);
    expect(value(f, 'node_tape_write_time_seconds_total', { device: 'st0' })).toBeCloseTo(5233.597394395, 9);
    expect(value(f, 'node_tape_written_bytes_total', { device: 'st0' })).toBe(1496246784000);
    expect(value(f, 'node_tape_residual_total', { device: 'st0' })).toBe(19);
  });
});

describe('xfs', () => {
  it('maps the stats lines per device and skips the global aggregate', async () => {
    const f = await run(xfsCollector);
    expect(labelSets(f, 'node_xfs_read_calls_total')).toEqual(['device=sda3']);
    expect(value(f, 'node_xfs_read_calls_total', { device: 'sda3' })).toBe(4033223030);
    expect(value(f, 'node_xfs_write_calls_total', { device: 'sda3' })).toBe(1606155719);
    expect(value(f, 'node_xfs_extent_allocation_blocks_freed_total', { device: 'sda3' })).toBe(131131897);
    expect(value(f, 'node_xfs_inode_operation_attribute_changes_total', { device: 'sda3' })).toBe(3962470);
    expect(value(f, 'node_xfs_vnode_remove_total', { device: 'sda3' })).toBe(15672217);
    expect(f).toHaveLength(39);
  });
});
