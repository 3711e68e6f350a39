import { describe, expect, it } from 'vitest';
import { netstatCollector } from '../../src/collectors/netstat.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('netstat', () => {
  it('exports the default field set as untyped, from netstat, snmp and snmp6', async () => {
    const fams = await run(netstatCollector, defaultsContext());
    expect(family(fams, 'node_netstat_Tcp_CurrEstab').type).toBe('untyped');
    expect(value(fams, 'node_netstat_Tcp_CurrEstab')).toBe(42);
    expect(value(fams, 'node_netstat_TcpExt_ListenDrops')).toBe(7);
    expect(value(fams, 'node_netstat_IpExt_InOctets')).toBe(123456789);
    expect(value(fams, 'node_netstat_Ip6_InOctets')).toBe(45000000);
    expect(value(fams, 'node_netstat_Udp6_InErrors')).toBe(1);
    expect(value(fams, 'node_netstat_UdpLite6_InErrors')).toBe(0);
    expect(value(fams, 'node_netstat_Ip_Forwarding')).toBe(1);
    expect(value(fams, 'node_netstat_Icmp_InErrors')).toBe(4);
    // Not in the default regex:
    expect(fams.some((f) => f.name === 'node_netstat_Tcp_MaxConn' || f.name === 'node_netstat_TcpExt_TCPOFOQueue')).toBe(false);
    expect(fams).toHaveLength(40);
  });

  it('takes every field with --collector.netstat.fields=.*', async () => {
    const fams = await run(netstatCollector, defaultsContext({ 'collector.netstat.fields': '.*' }));
    expect(value(fams, 'node_netstat_Tcp_MaxConn')).toBe(-1);
  });
});
