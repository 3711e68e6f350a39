import { describe, expect, it } from 'vitest';
import { drbdCollector } from '../../src/collectors/drbd.js';
import { run, value } from '../collect.js';

describe('drbd', () => {
  it('maps key:value words per device; KiB counters to bytes; role and disk state per side', async () => {
    const f = await run(drbdCollector);
    expect(value(f, 'node_drbd_network_sent_bytes_total', { device: 'drbd0' })).toBe(2940212 * 1024);
    expect(value(f, 'node_drbd_network_received_bytes_total', { device: 'drbd1' })).toBe(12);
    expect(value(f, 'node_drbd_out_of_sync_bytes', { device: 'drbd1' })).toBe(51200 * 1024);
    expect(value(f, 'node_drbd_remote_pending', { device: 'drbd1' })).toBe(2);
    expect(value(f, 'node_drbd_connected', { device: 'drbd0' })).toBe(1);
    expect(value(f, 'node_drbd_connected', { device: 'drbd1' })).toBe(0);
    expect(value(f, 'node_drbd_node_role_is_primary', { device: 'drbd0', node: 'remote' })).toBe(0);
    expect(value(f, 'node_drbd_disk_state_is_up_to_date', { device: 'drbd1', node: 'remote' })).toBe(0);
    expect(value(f, 'node_drbd_disk_state_is_up_to_date', { device: 'drbd1', node: 'local' })).toBe(1);
  });
});
