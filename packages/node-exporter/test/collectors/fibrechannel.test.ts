import { describe, expect, it } from 'vitest';
import { fibrechannelCollector } from '../../src/collectors/fibrechannel.js';
import { run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

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

describe('fibrechannel failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(fibrechannelCollector);
  });
});
