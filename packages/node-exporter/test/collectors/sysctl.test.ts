import { describe, expect, it } from 'vitest';
import { sysctlCollector } from '../../src/collectors/sysctl.js';
import { family, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

describe('sysctl', () => {
  it('exports chosen numeric sysctls, indexed or with named fields, and text ones as info', async () => {
    const f = await run(
      sysctlCollector,
      fixtureContext({
        'collector.sysctl.include': ['kernel.threads-max', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_local_port_range:low,high'],
        'collector.sysctl.include-info': ['kernel.seccomp.actions_avail'],
      }),
    );
    expect(value(f, 'node_sysctl_kernel_threads_max')).toBe(127154);
    expect(family(f, 'node_sysctl_kernel_threads_max').type).toBe('untyped');
    expect(value(f, 'node_sysctl_net_ipv4_ip_local_port_range', { index: '1' })).toBe(60999);
    expect(value(f, 'node_sysctl_net_ipv4_ip_local_port_range_high')).toBe(60999);
    expect(value(f, 'node_sysctl_info', { name: 'kernel.seccomp.actions_avail', value: 'user_notif', index: '4' })).toBe(1);
    expect(family(f, 'node_sysctl_info').samples).toHaveLength(8);
  });
  it('fails when the keys do not match the value count', async () => {
    await expect(run(sysctlCollector, fixtureContext({ 'collector.sysctl.include': ['net.ipv4.ip_local_port_range:a,b,c'] }))).rejects.toThrow(/2 values but 3 keys/);
  });
});
