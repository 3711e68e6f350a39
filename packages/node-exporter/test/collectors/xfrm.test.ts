import { describe, expect, it } from 'vitest';
import { xfrmCollector } from '../../src/collectors/xfrm.js';
import { run, value } from '../collect.js';

describe('xfrm', () => {
  it('names counters after the kernel fields and leaves out fields node_exporter does not know', async () => {
    const f = await run(xfrmCollector);
    expect(xfrmCollector.defaultEnabled).toBe(false);
    expect(value(f, 'node_xfrm_in_state_proto_error_packets_total')).toBe(12);
    expect(value(f, 'node_xfrm_acquire_error_packets_total')).toBe(0);
    expect(value(f, 'node_xfrm_out_pol_error_packets_total')).toBe(72);
    expect(f).toHaveLength(28);
  });
});
