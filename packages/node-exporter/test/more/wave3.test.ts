import { describe, expect, it } from 'vitest';
import { processesCollector } from '../../src/collectors/processes.js';
import { interruptsCollector } from '../../src/collectors/interrupts.js';
import { softirqsCollector } from '../../src/collectors/softirqs.js';
import { tcpstatCollector } from '../../src/collectors/tcpstat.js';
import { buddyinfoCollector } from '../../src/collectors/buddyinfo.js';
import { cgroupsCollector } from '../../src/collectors/cgroups.js';
import { meminfoNumaCollector } from '../../src/collectors/meminfo_numa.js';
import { family, fixtureContext, labelSets, run, value } from './helpers.js';

describe('default-off collectors', () => {
  it('are all disabled by default', () => {
    for (const c of [processesCollector, interruptsCollector, softirqsCollector, tcpstatCollector, buddyinfoCollector, cgroupsCollector, meminfoNumaCollector]) {
      expect(c.defaultEnabled, c.name).toBe(false);
    }
  });
});

describe('processes', () => {
  it('counts pids, threads and states; a ")" in the command name does not shift fields', async () => {
    const f = await run(processesCollector);
    expect(value(f, 'node_processes_pids')).toBe(5);
    expect(value(f, 'node_processes_threads')).toBe(8);
    expect(value(f, 'node_processes_state', { state: 'R' })).toBe(1);
    expect(value(f, 'node_processes_state', { state: 'Z' })).toBe(1);
    expect(value(f, 'node_processes_state', { state: 'S' })).toBe(1);
    expect(value(f, 'node_processes_max_threads')).toBe(127154);
    expect(value(f, 'node_processes_threads_state', { thread_state: 'R' })).toBe(2);
    expect(value(f, 'node_processes_threads_state', { thread_state: 'S' })).toBe(2);
    expect(value(f, 'node_processes_max_processes')).toBe(4194304);
  });
});

describe('interrupts', () => {
  it('labels numbered IRQs with chip and devices, named ones with their description', async () => {
    const f = await run(interruptsCollector);
    expect(value(f, 'node_interrupts_total', { cpu: '3', type: '26', info: 'PCI-MSI', devices: '1572864-edge eth0-rx-0' })).toBe(120044);
    expect(value(f, 'node_interrupts_total', { cpu: '0', type: 'NMI', info: 'Non-maskable interrupts', devices: '' })).toBe(17);
    expect(family(f, 'node_interrupts_total').samples.some((s) => s.labels.type === 'ERR')).toBe(false);
    expect(family(f, 'node_interrupts_total').samples).toHaveLength(6 * 4);
  });
  it('filters on "type;info;devices" and can drop zeros', async () => {
    const f = await run(interruptsCollector, fixtureContext({ 'collector.interrupts.name-include': 'eth0', 'collector.interrupts.include-zeros': false }));
    expect(labelSets(f, 'node_interrupts_total')).toEqual([
      'cpu=1,devices=1572864-edge eth0-rx-0,info=PCI-MSI,type=26',
      'cpu=3,devices=1572864-edge eth0-rx-0,info=PCI-MSI,type=26',
    ]);
  });
});

describe('softirqs', () => {
  it('reports each vector per CPU', async () => {
    const f = await run(softirqsCollector);
    expect(value(f, 'node_softirqs_functions_total', { cpu: '0', type: 'NET_RX' })).toBe(912001);
    expect(value(f, 'node_softirqs_functions_total', { cpu: '3', type: 'HI' })).toBe(2);
    expect(family(f, 'node_softirqs_functions_total').samples).toHaveLength(40);
  });
});

describe('tcpstat', () => {
  it('counts sockets by state over tcp and tcp6 and sums queues', async () => {
    const f = await run(tcpstatCollector);
    expect(value(f, 'node_tcp_connection_states', { state: 'listen' })).toBe(3);
    expect(value(f, 'node_tcp_connection_states', { state: 'established' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'time_wait' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'close_wait' })).toBe(1);
    expect(value(f, 'node_tcp_connection_states', { state: 'tx_queued_bytes' })).toBe(0x24);
    expect(value(f, 'node_tcp_connection_states', { state: 'rx_queued_bytes' })).toBe(0x13);
  });
});

describe('buddyinfo and cgroups', () => {
  it('reports free blocks per node, zone and order', async () => {
    const f = await run(buddyinfoCollector);
    expect(value(f, 'node_buddyinfo_blocks', { node: '0', zone: 'DMA32', size: '10' })).toBe(411);
    expect(value(f, 'node_buddyinfo_blocks', { node: '0', zone: 'Normal', size: '0' })).toBe(4021);
    expect(family(f, 'node_buddyinfo_blocks').samples).toHaveLength(33);
  });
  it('reports cgroup controllers', async () => {
    const f = await run(cgroupsCollector);
    expect(value(f, 'node_cgroups_cgroups', { subsys_name: 'memory' })).toBe(112);
    expect(value(f, 'node_cgroups_enabled', { subsys_name: 'hugetlb' })).toBe(0);
  });
});

describe('meminfo_numa', () => {
  it('reports bytes per node (counts unscaled) and numastat counters', async () => {
    const f = await run(meminfoNumaCollector);
    expect(value(f, 'node_memory_numa_MemTotal', { node: '0' })).toBe(8388608 * 1024);
    expect(value(f, 'node_memory_numa_MemFree', { node: '1' })).toBe(2097152 * 1024);
    expect(value(f, 'node_memory_numa_Active_anon', { node: '0' })).toBe(524288 * 1024);
    expect(value(f, 'node_memory_numa_HugePages_Total', { node: '1' })).toBe(2);
    expect(value(f, 'node_memory_numa_numa_hit_total', { node: '1' })).toBe(123456790);
    expect(family(f, 'node_memory_numa_numa_hit_total').type).toBe('counter');
  });
});

import { nfsCollector } from '../../src/collectors/nfs.js';
import { nfsdCollector } from '../../src/collectors/nfsd.js';

describe('nfs', () => {
  it('maps the client net/rpc lines and per-version procedures', async () => {
    const f = await run(nfsCollector);
    expect(value(f, 'node_nfs_packets_total', { protocol: 'udp' })).toBe(70);
    expect(value(f, 'node_nfs_connections_total')).toBe(0);
    expect(value(f, 'node_nfs_rpcs_total')).toBe(218401);
    expect(value(f, 'node_nfs_rpc_retransmissions_total')).toBe(11);
    expect(value(f, 'node_nfs_rpc_authentication_refreshes_total')).toBe(3);
    expect(value(f, 'node_nfs_requests_total', { proto: '3', method: 'GetAttr' })).toBe(40126);
    expect(value(f, 'node_nfs_requests_total', { proto: '3', method: 'Commit' })).toBe(901);
    expect(value(f, 'node_nfs_requests_total', { proto: '2', method: 'FsStat' })).toBe(2);
    expect(value(f, 'node_nfs_requests_total', { proto: '4', method: 'Read' })).toBe(12021);
    // A 48-value proc4 line (older kernel) pads the newer operations with 0.
    expect(value(f, 'node_nfs_requests_total', { proto: '4', method: 'Clone' })).toBe(0);
    expect(family(f, 'node_nfs_requests_total').samples).toHaveLength(18 + 22 + 59);
  });
});

describe('nfsd', () => {
  it('maps the server lines; v4 reports the compound operations', async () => {
    const f = await run(nfsdCollector);
    expect(value(f, 'node_nfsd_reply_cache_misses_total')).toBe(120331);
    expect(value(f, 'node_nfsd_file_handles_stale_total')).toBe(3);
    expect(value(f, 'node_nfsd_disk_bytes_read_total')).toBe(981220352);
    expect(value(f, 'node_nfsd_server_threads')).toBe(8);
    expect(value(f, 'node_nfsd_read_ahead_cache_size_blocks')).toBe(32);
    expect(value(f, 'node_nfsd_read_ahead_cache_not_found_total')).toBe(17);
    expect(value(f, 'node_nfsd_packets_total', { proto: 'tcp' })).toBe(209243);
    expect(value(f, 'node_nfsd_connections_total')).toBe(1402);
    expect(value(f, 'node_nfsd_rpc_errors_total', { error: 'fmt' })).toBe(2);
    expect(value(f, 'node_nfsd_rpc_errors_total', { error: 'cInt' })).toBe(1);
    expect(value(f, 'node_nfsd_server_rpcs_total')).toBe(209243);
    expect(value(f, 'node_nfsd_requests_total', { proto: '3', method: 'Write' })).toBe(40012);
    expect(value(f, 'node_nfsd_requests_total', { proto: '4', method: 'GetAttr' })).toBe(51022);
    expect(value(f, 'node_nfsd_requests_total', { proto: '4', method: 'PutFH' })).toBe(51090);
    expect(family(f, 'node_nfsd_requests_total').samples.some((s) => s.labels.method === 'Null')).toBe(false);
    expect(family(f, 'node_nfsd_requests_total').samples.filter((s) => s.labels.proto === '4')).toHaveLength(33);
  });
});

import { ksmdCollector } from '../../src/collectors/ksmd.js';
import { xfrmCollector } from '../../src/collectors/xfrm.js';

describe('ksmd', () => {
  it('reports KSM state, sleep in seconds, full scans as a counter', async () => {
    const f = await run(ksmdCollector);
    expect(ksmdCollector.defaultEnabled).toBe(false);
    expect(value(f, 'node_ksmd_full_scans_total')).toBe(41);
    expect(family(f, 'node_ksmd_full_scans_total').type).toBe('counter');
    expect(value(f, 'node_ksmd_pages_sharing')).toBe(9981);
    expect(value(f, 'node_ksmd_sleep_seconds')).toBe(0.02);
    expect(value(f, 'node_ksmd_general_profit_bytes')).toBe(-4096);
    expect(f).toHaveLength(10);
  });
});

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

import { sysctlCollector } from '../../src/collectors/sysctl.js';

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

import { lnstatCollector } from '../../src/collectors/lnstat.js';
import { slabinfoCollector } from '../../src/collectors/slabinfo.js';

describe('lnstat', () => {
  it('reports each column per subsystem and CPU as a counter', async () => {
    const f = await run(lnstatCollector);
    expect(value(f, 'node_lnstat_found_total', { subsystem: 'nf_conntrack', cpu: '0' })).toBe(10);
    expect(value(f, 'node_lnstat_search_restart_total', { subsystem: 'nf_conntrack', cpu: '1' })).toBe(2);
    expect(value(f, 'node_lnstat_clashres_total', { subsystem: 'nf_conntrack', cpu: '0' })).toBe(1);
    expect(value(f, 'node_lnstat_hits_total', { subsystem: 'arp_cache', cpu: '1' })).toBe(0x101);
    expect(value(f, 'node_lnstat_entries_total', { subsystem: 'arp_cache', cpu: '1' })).toBe(4);
  });
});

describe('slabinfo', () => {
  it('reports the caches, filtered by name', async () => {
    const f = await run(slabinfoCollector, fixtureContext({ 'collector.slabinfo.slabs-exclude': '^kmalloc' }));
    expect(labelSets(f, 'node_slabinfo_objects')).toEqual(['slab=dentry', 'slab=ext4_inode_cache']);
    expect(value(f, 'node_slabinfo_active_objects', { slab: 'dentry' })).toBe(120331);
    expect(value(f, 'node_slabinfo_object_size_bytes', { slab: 'ext4_inode_cache' })).toBe(1176);
    expect(value(f, 'node_slabinfo_pages_per_slab', { slab: 'ext4_inode_cache' })).toBe(8);
  });
});

import { zoneinfoCollector } from '../../src/collectors/zoneinfo.js';

describe('zoneinfo', () => {
  it('reports the known keys per node and zone, per-node stats under the first zone, protection by index', async () => {
    const f = await run(zoneinfoCollector);
    expect(value(f, 'node_zoneinfo_managed_pages', { node: '0', zone: 'Normal' })).toBe(3329412);
    expect(value(f, 'node_zoneinfo_min_pages', { node: '0', zone: 'DMA' })).toBe(33);
    expect(value(f, 'node_zoneinfo_nr_anon_pages', { node: '0', zone: 'DMA' })).toBe(754905);
    expect(labelSets(f, 'node_zoneinfo_nr_anon_pages')).toEqual(['node=0,zone=DMA']);
    expect(value(f, 'node_zoneinfo_nr_kernel_stacks', { node: '0', zone: 'DMA' })).toBe(9904);
    expect(value(f, 'node_zoneinfo_numa_hit_total', { node: '0', zone: 'Normal' })).toBe(81751382);
    expect(family(f, 'node_zoneinfo_nr_dirtied_total').type).toBe('counter');
    expect(value(f, 'node_zoneinfo_protection_2', { node: '0', zone: 'DMA' })).toBe(15903);
    expect(f.some((x) => x.name.includes('boost') || x.name.includes('cma'))).toBe(false);
  });
});

import { drbdCollector } from '../../src/collectors/drbd.js';

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

import { mountstatsCollector } from '../../src/collectors/mountstats.js';

describe('mountstats', () => {
  it('reports NFS mounts labelled by export, transport protocol and server address from mountinfo', async () => {
    const f = await run(mountstatsCollector);
    const v4 = { export: '10.20.5.1:/srv/backups', protocol: 'tcp', mountaddr: '10.20.5.1' };
    const v3 = { export: '10.20.5.2:/home', protocol: 'udp', mountaddr: '10.20.5.2' };
    expect(labelSets(f, 'node_mountstats_nfs_age_seconds_total')).toEqual([
      'export=10.20.5.1:/srv/backups,mountaddr=10.20.5.1,protocol=tcp',
      'export=10.20.5.2:/home,mountaddr=10.20.5.2,protocol=udp',
    ]);
    expect(value(f, 'node_mountstats_nfs_age_seconds_total', v4)).toBe(86400);
    expect(value(f, 'node_mountstats_nfs_total_read_bytes_total', v4)).toBe(1073745920);
    expect(value(f, 'node_mountstats_nfs_write_pages_total', v4)).toBe(131073);
    // Two xprt lines (nconnect): the last one is reported, as node_exporter 1.5.0 does.
    expect(value(f, 'node_mountstats_nfs_transport_sends_total', v4)).toBe(1000);
    // udp has no connect count or idle time: the columns after bind shift.
    expect(value(f, 'node_mountstats_nfs_transport_connect_total', v3)).toBe(0);
    expect(value(f, 'node_mountstats_nfs_transport_sends_total', v3)).toBe(501);
    expect(value(f, 'node_mountstats_nfs_operations_requests_total', { ...v4, operation: 'WRITE' })).toBe(8102);
    expect(value(f, 'node_mountstats_nfs_operations_request_time_seconds_total', { ...v4, operation: 'READ' })).toBe(101.203);
    expect(value(f, 'node_mountstats_nfs_event_vfs_getdents_total', v3)).toBe(13);
    expect(value(f, 'node_mountstats_nfs_event_pnfs_write_total', v3)).toBe(27);
    expect(f.some((x) => x.name.includes('congestion'))).toBe(false);
  });
});

import { cpuVulnerabilitiesCollector } from '../../src/collectors/cpu_vulnerabilities.js';

describe('cpu_vulnerabilities', () => {
  it('labels each vulnerability with its state and mitigation text', async () => {
    const f = await run(cpuVulnerabilitiesCollector);
    expect(labelSets(f, 'node_cpu_vulnerabilities_info')).toEqual([
      'codename=gather_data_sampling,mitigation=,state=vulnerable',
      'codename=mds,mitigation=Clear CPU buffers attempted, no microcode; SMT vulnerable,state=vulnerable',
      'codename=meltdown,mitigation=,state=not affected',
      'codename=spectre_v1,mitigation=usercopy/swapgs barriers and __user pointer sanitization,state=mitigation',
      'codename=spectre_v2,mitigation=Enhanced / Automatic IBRS; IBPB: conditional; RSB filling,state=mitigation',
    ]);
  });
});

import { swapCollector } from '../../src/collectors/swap.js';

describe('swap', () => {
  it('reports each swap area in bytes with its priority', async () => {
    const f = await run(swapCollector);
    expect(value(f, 'node_swap_size_bytes', { device: '/dev/zram0', type: 'partition' })).toBe(8388604 * 1024);
    expect(value(f, 'node_swap_used_bytes', { device: '/dev/zram0', type: 'partition' })).toBe(1048576 * 1024);
    expect(value(f, 'node_swap_priority', { device: '/swapfile', type: 'file' })).toBe(-2);
  });
});

import { drmCollector } from '../../src/collectors/drm.js';

describe('drm', () => {
  it('reports amdgpu cards only (connectors and other drivers are skipped)', async () => {
    const f = await run(drmCollector);
    expect(labelSets(f, 'node_drm_card_info')).toEqual(['card=card0,memory_vendor=samsung,power_performance_level=auto,unique_id=0a4c2dd1f62e8a19,vendor=amd']);
    expect(value(f, 'node_drm_gpu_busy_percent', { card: 'card0' })).toBe(17);
    expect(value(f, 'node_drm_memory_vram_used_bytes', { card: 'card0' })).toBe(1490378752);
    expect(value(f, 'node_drm_memory_vis_vram_size_bytes', { card: 'card0' })).toBe(268435456);
  });
});
