import { describe, expect, it } from 'vitest';
import { conntrackCollector } from '../../src/collectors/conntrack.js';
import { cpuCollector } from '../../src/collectors/cpu.js';
import { diskstatsCollector } from '../../src/collectors/diskstats.js';
import { entropyCollector } from '../../src/collectors/entropy.js';
import { filefdCollector } from '../../src/collectors/filefd.js';
import { loadavgCollector } from '../../src/collectors/loadavg.js';
import { mdadmCollector } from '../../src/collectors/mdadm.js';
import { meminfoCollector } from '../../src/collectors/meminfo.js';
import { netdevCollector } from '../../src/collectors/netdev.js';
import { netstatCollector } from '../../src/collectors/netstat.js';
import { osCollector } from '../../src/collectors/os.js';
import { pressureCollector } from '../../src/collectors/pressure.js';
import { sockstatCollector } from '../../src/collectors/sockstat.js';
import { statCollector } from '../../src/collectors/stat.js';
import { timeCollector } from '../../src/collectors/time.js';
import { unameCollector } from '../../src/collectors/uname.js';
import { vmstatCollector } from '../../src/collectors/vmstat.js';
import { family, labelSets, run, value } from '../more/helpers.js';
import { coreContext } from './context.js';

describe('cpu', () => {
  it('reports 8 modes per online CPU in seconds, guest time, throttles once per core and package, isolated CPUs', async () => {
    const fams = await run(cpuCollector, coreContext());
    expect(family(fams, 'node_cpu_seconds_total').type).toBe('counter');
    expect(family(fams, 'node_cpu_seconds_total').samples).toHaveLength(3 * 8);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(5123);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '1', mode: 'idle' })).toBe(99601.23);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '2', mode: 'steal' })).toBe(5.2);
    expect(value(fams, 'node_cpu_guest_seconds_total', { cpu: '1', mode: 'nice' })).toBe(0.2);
    expect(labelSets(fams, 'node_cpu_core_throttles_total')).toEqual(['core=0,package=0', 'core=1,package=0']);
    expect(value(fams, 'node_cpu_core_throttles_total', { core: '0' })).toBe(5);
    expect(value(fams, 'node_cpu_package_throttles_total', { package: '0' })).toBe(17);
    expect(labelSets(fams, 'node_cpu_isolated')).toEqual(['cpu=2']);
  });

  it('omits guest time when --no-collector.cpu.guest', async () => {
    const fams = await run(cpuCollector, coreContext({ 'collector.cpu.guest': false }));
    expect(fams.some((f) => f.name === 'node_cpu_guest_seconds_total')).toBe(false);
  });
});

describe('stat', () => {
  it('reports kernel counters from /proc/stat', async () => {
    const fams = await run(statCollector, coreContext());
    expect(value(fams, 'node_intr_total')).toBe(98765432);
    expect(value(fams, 'node_context_switches_total')).toBe(123456789);
    expect(value(fams, 'node_forks_total')).toBe(456789);
    expect(value(fams, 'node_boot_time_seconds')).toBe(1764000000);
    expect(value(fams, 'node_procs_running')).toBe(3);
    expect(value(fams, 'node_procs_blocked')).toBe(1);
    expect(family(fams, 'node_boot_time_seconds').type).toBe('gauge');
    expect(fams.some((f) => f.name === 'node_softirqs_total')).toBe(false);
  });

  it('adds per-vector softirqs with --collector.stat.softirq', async () => {
    const fams = await run(statCollector, coreContext({ 'collector.stat.softirq': true }));
    expect(value(fams, 'node_softirqs_total', { vector: 'net_rx' })).toBe(900000);
    expect(value(fams, 'node_softirqs_total', { vector: 'rcu' })).toBe(979675);
  });
});

describe('meminfo', () => {
  it('names fields as node_exporter does, kB as bytes, HugePages unsuffixed', async () => {
    const fams = await run(meminfoCollector, coreContext());
    expect(value(fams, 'node_memory_MemTotal_bytes')).toBe(16314368 * 1024);
    expect(value(fams, 'node_memory_MemAvailable_bytes')).toBe(9876544 * 1024);
    expect(value(fams, 'node_memory_Active_anon_bytes')).toBe(3210000 * 1024);
    expect(value(fams, 'node_memory_Inactive_file_bytes')).toBe(5308644 * 1024);
    expect(value(fams, 'node_memory_HugePages_Total')).toBe(8);
    expect(value(fams, 'node_memory_Hugepagesize_bytes')).toBe(2048 * 1024);
    expect(family(fams, 'node_memory_Slab_bytes').type).toBe('gauge');
    // One family per line of the fixture file.
    expect(fams).toHaveLength(54);
  });
});

describe('loadavg', () => {
  it('reports the three load averages', async () => {
    const fams = await run(loadavgCollector, coreContext());
    expect([value(fams, 'node_load1'), value(fams, 'node_load5'), value(fams, 'node_load15')]).toEqual([1.25, 0.8, 0.45]);
  });
});

describe('diskstats', () => {
  it('skips partitions and loop devices by default and scales sectors and milliseconds', async () => {
    const fams = await run(diskstatsCollector, coreContext());
    expect(labelSets(fams, 'node_disk_reads_completed_total')).toEqual(['device=dm-0', 'device=md0', 'device=nvme0n1', 'device=sda', 'device=sdb']);
    expect(value(fams, 'node_disk_read_bytes_total', { device: 'sda' })).toBe(18000000 * 512);
    expect(value(fams, 'node_disk_write_time_seconds_total', { device: 'sda' })).toBe(400);
    expect(value(fams, 'node_disk_io_now', { device: 'dm-0' })).toBe(1);
    expect(value(fams, 'node_disk_io_time_weighted_seconds_total', { device: 'nvme0n1' })).toBe(460);
    expect(value(fams, 'node_disk_discarded_sectors_total', { device: 'nvme0n1' })).toBe(4000000);
    expect(value(fams, 'node_disk_flush_requests_total', { device: 'sda' })).toBe(9000);
    expect(value(fams, 'node_disk_flush_requests_time_seconds_total', { device: 'sda' })).toBe(1.2);
    // sdb has the 11 columns of old kernels: no discard or flush series for it.
    expect(labelSets(fams, 'node_disk_discards_completed_total')).not.toContain('device=sdb');
    expect(family(fams, 'node_disk_io_now').type).toBe('gauge');
  });

  it('adds udev identity, filesystem, device-mapper and ATA facts', async () => {
    const fams = await run(diskstatsCollector, coreContext());
    const sda = family(fams, 'node_disk_info').samples.find((s) => s.labels.device === 'sda');
    expect(sda?.labels).toEqual({
      device: 'sda', major: '8', minor: '0', path: 'pci-0000:00:17.0-ata-1', wwn: '0x5002538e40a1b2c3',
      model: 'EXAMPLE_SSD_1TB', serial: 'S3Z9NB0K123456', revision: '2B6Q',
    });
    expect(labelSets(fams, 'node_disk_filesystem_info')).toEqual(['device=dm-0,type=ext4,usage=filesystem,uuid=6f1c2d3e-4b5a-4978-8877-665544332211,version=1.0']);
    expect(labelSets(fams, 'node_disk_device_mapper_info')).toEqual([
      'device=dm-0,lv_layer=,lv_name=root,name=vg0-root,uuid=LVM-abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef012345,vg_name=vg0',
    ]);
    expect(value(fams, 'node_disk_ata_write_cache_enabled', { device: 'sda' })).toBe(1);
    expect(value(fams, 'node_disk_ata_rotation_rate_rpm', { device: 'sda' })).toBe(0);
  });

  it('an include pattern replaces the default exclude', async () => {
    const fams = await run(diskstatsCollector, coreContext({ 'collector.diskstats.device-include': '^(sda|loop)' }));
    expect(labelSets(fams, 'node_disk_reads_completed_total')).toEqual(['device=loop0', 'device=sda', 'device=sda1']);
  });
});

describe('netdev', () => {
  it('reports /proc/net/dev counters plus rx_nohandler from sysfs', async () => {
    const fams = await run(netdevCollector, coreContext());
    expect(labelSets(fams, 'node_network_receive_bytes_total')).toEqual(['device=bond0', 'device=eth0', 'device=eth1', 'device=lo']);
    expect(value(fams, 'node_network_receive_bytes_total', { device: 'eth0' })).toBe(987654321);
    expect(value(fams, 'node_network_receive_drop_total', { device: 'eth0' })).toBe(12);
    expect(value(fams, 'node_network_transmit_carrier_total', { device: 'eth0' })).toBe(0);
    expect(value(fams, 'node_network_receive_nohandler_total', { device: 'eth0' })).toBe(7);
    // bond0 has no statistics directory in the fixture: no nohandler series, the rest is there.
    expect(labelSets(fams, 'node_network_receive_nohandler_total')).toEqual(['device=eth0', 'device=eth1', 'device=lo']);
    expect(family(fams, 'node_network_transmit_packets_total').type).toBe('counter');
    expect(fams).toHaveLength(17);
  });

  it('honours device-exclude and device-include', async () => {
    const ex = await run(netdevCollector, coreContext({ 'collector.netdev.device-exclude': '^(lo|bond.*)$' }));
    expect(labelSets(ex, 'node_network_receive_bytes_total')).toEqual(['device=eth0', 'device=eth1']);
    const inc = await run(netdevCollector, coreContext({ 'collector.netdev.device-include': '^eth1$' }));
    expect(labelSets(inc, 'node_network_receive_bytes_total')).toEqual(['device=eth1']);
  });
});

describe('netstat', () => {
  it('exports the default field set as untyped, from netstat, snmp and snmp6', async () => {
    const fams = await run(netstatCollector, coreContext());
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
    const fams = await run(netstatCollector, coreContext({ 'collector.netstat.fields': '.*' }));
    expect(value(fams, 'node_netstat_Tcp_MaxConn')).toBe(-1);
  });
});

describe('sockstat', () => {
  it('reports every protocol line and memory in bytes', async () => {
    const fams = await run(sockstatCollector, coreContext());
    expect(value(fams, 'node_sockstat_sockets_used')).toBe(512);
    expect(value(fams, 'node_sockstat_TCP_tw')).toBe(12);
    expect(value(fams, 'node_sockstat_TCP_mem')).toBe(30);
    expect(value(fams, 'node_sockstat_TCP_mem_bytes') % 30).toBe(0);
    expect(value(fams, 'node_sockstat_TCP_mem_bytes')).toBeGreaterThanOrEqual(30 * 4096);
    expect(value(fams, 'node_sockstat_FRAG6_memory')).toBe(0);
    expect(value(fams, 'node_sockstat_TCP6_inuse')).toBe(7);
    expect(fams).toHaveLength(20);
  });
});

describe('vmstat', () => {
  it('keeps only the default fields, untyped', async () => {
    const fams = await run(vmstatCollector, coreContext());
    expect(fams.map((f) => f.name).sort()).toEqual([
      'node_vmstat_oom_kill', 'node_vmstat_pgfault', 'node_vmstat_pgmajfault', 'node_vmstat_pgpgin', 'node_vmstat_pgpgout', 'node_vmstat_pswpin', 'node_vmstat_pswpout',
    ]);
    expect(value(fams, 'node_vmstat_pgmajfault')).toBe(4321);
    expect(family(fams, 'node_vmstat_oom_kill').type).toBe('untyped');
  });
});

describe('small procfs collectors', () => {
  it('filefd', async () => {
    const fams = await run(filefdCollector, coreContext());
    expect([value(fams, 'node_filefd_allocated'), value(fams, 'node_filefd_maximum')]).toEqual([4128, 1623168]);
  });

  it('entropy', async () => {
    const fams = await run(entropyCollector, coreContext());
    expect([value(fams, 'node_entropy_available_bits'), value(fams, 'node_entropy_pool_size_bits')]).toEqual([256, 256]);
  });

  it('conntrack sums the per-CPU hex statistics', async () => {
    const fams = await run(conntrackCollector, coreContext());
    expect(value(fams, 'node_nf_conntrack_entries')).toBe(1842);
    expect(value(fams, 'node_nf_conntrack_entries_limit')).toBe(262144);
    expect(value(fams, 'node_nf_conntrack_stat_found')).toBe(14);
    expect(value(fams, 'node_nf_conntrack_stat_ignore')).toBe(48);
    expect(value(fams, 'node_nf_conntrack_stat_invalid')).toBe(4);
    expect(value(fams, 'node_nf_conntrack_stat_drop')).toBe(2);
    expect(value(fams, 'node_nf_conntrack_stat_early_drop')).toBe(1);
    expect(value(fams, 'node_nf_conntrack_stat_search_restart')).toBe(7);
    expect(value(fams, 'node_nf_conntrack_stat_insert_failed')).toBe(1);
  });

  it('pressure converts microseconds to seconds', async () => {
    const fams = await run(pressureCollector, coreContext());
    expect(value(fams, 'node_pressure_cpu_waiting_seconds_total')).toBe(123.456789);
    expect(value(fams, 'node_pressure_io_waiting_seconds_total')).toBe(4.5);
    expect(value(fams, 'node_pressure_io_stalled_seconds_total')).toBe(2.5);
    expect(value(fams, 'node_pressure_memory_stalled_seconds_total')).toBe(0.0005);
    expect(fams).toHaveLength(5);
  });

  it('uname', async () => {
    const fams = await run(unameCollector, coreContext());
    expect(family(fams, 'node_uname_info').samples[0]?.labels).toEqual({
      sysname: 'Linux', release: '6.8.0-45-generic', version: '#46-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 13 2024',
      machine: 'x86_64', nodename: 'fixture-host', domainname: '(none)',
    });
  });

  it('os reads os-release below --path.rootfs', async () => {
    const fams = await run(osCollector, coreContext());
    expect(family(fams, 'node_os_info').samples[0]?.labels).toEqual({
      build_id: '2024-09-13', id: 'fixture', id_like: 'debian ubuntu', image_id: '', image_version: '', name: 'Fixture Linux',
      pretty_name: 'Fixture Linux 24.04.1 LTS', variant: '', variant_id: '', version: '24.04.1 LTS (Testing Tern)',
      version_codename: 'tern', version_id: '24.04',
    });
    expect(value(fams, 'node_os_version', { id: 'fixture' })).toBe(24.04);
  });

  it('time reports now, the zone offset and the clock sources', async () => {
    const before = Date.now() / 1000;
    const fams = await run(timeCollector, coreContext());
    expect(value(fams, 'node_time_seconds')).toBeGreaterThanOrEqual(before);
    expect(value(fams, 'node_time_seconds')).toBeLessThanOrEqual(Date.now() / 1000);
    expect(family(fams, 'node_time_zone_offset_seconds').samples).toHaveLength(1);
    expect(labelSets(fams, 'node_time_clocksource_available_info')).toEqual([
      'clocksource=acpi_pm,device=0', 'clocksource=hpet,device=0', 'clocksource=tsc,device=0',
    ]);
    expect(labelSets(fams, 'node_time_clocksource_current_info')).toEqual(['clocksource=tsc,device=0']);
  });
});

describe('mdadm', () => {
  it('reports a degraded mirror, a recovering raid5, raid0, an inactive array and a pending resync', async () => {
    const fams = await run(mdadmCollector, coreContext());
    expect(value(fams, 'node_md_disks_required', { device: 'md0' })).toBe(2);
    expect(value(fams, 'node_md_disks', { device: 'md0', state: 'active' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md0', state: 'failed' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md0', state: 'active' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md1', state: 'recovering' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md1', state: 'active' })).toBe(0);
    expect(value(fams, 'node_md_blocks_synced', { device: 'md1' })).toBe(256512);
    expect(value(fams, 'node_md_blocks', { device: 'md1' })).toBe(2093056);
    expect(value(fams, 'node_md_disks_required', { device: 'md2' })).toBe(2);
    expect(value(fams, 'node_md_disks', { device: 'md2', state: 'active' })).toBe(2);
    expect(value(fams, 'node_md_state', { device: 'md3', state: 'inactive' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md3', state: 'spare' })).toBe(1);
    expect(value(fams, 'node_md_state', { device: 'md4', state: 'resync' })).toBe(1);
    expect(value(fams, 'node_md_disks', { device: 'md4', state: 'spare' })).toBe(1);
    expect(family(fams, 'node_md_state').samples).toHaveLength(5 * 5);
  });
});

describe('cpu info', () => {
  it('labels each logical CPU and filters the first CPU flags and bugs', async () => {
    const fams = await run(cpuCollector, coreContext({ 'collector.cpu.info.flags-include': '^(aes|avx.?)$', 'collector.cpu.info.bugs-include': '^(cpu_meltdown|spectre_.*)$' }));
    expect(family(fams, 'node_cpu_info').samples).toHaveLength(4);
    expect(family(fams, 'node_cpu_info').samples[3]?.labels).toEqual({
      package: '0', core: '1', cpu: '3', vendor: 'GenuineIntel', family: '6', model: '158',
      model_name: 'Example(R) Core(TM) i5 CPU @ 3.00GHz', microcode: '0xf4', stepping: '10', cachesize: '9216 KB',
    });
    expect(labelSets(fams, 'node_cpu_flag_info')).toEqual(['flag=aes', 'flag=avx', 'flag=avx2']);
    expect(labelSets(fams, 'node_cpu_bug_info')).toEqual(['bug=cpu_meltdown', 'bug=spectre_v1', 'bug=spectre_v2']);
  });

  it('is off by default', async () => {
    const fams = await run(cpuCollector, coreContext());
    expect(fams.some((f) => f.name === 'node_cpu_info')).toBe(false);
  });
});

describe('netdev address info', () => {
  it('classifies addresses as Go does', async () => {
    const { addressScope } = await import('../../src/collectors/netdev.js');
    expect(['127.0.0.1', '::1', '169.254.1.1', 'fe80::1', '10.0.0.5', '2001:db8::1', 'ff01::1', '::'].map(addressScope)).toEqual([
      'link-local', 'link-local', 'link-local', 'link-local', 'global', 'global', 'interface-local', '',
    ]);
  });

  it('lists this host\'s interface addresses with --collector.netdev.address-info', async () => {
    const fams = await run(netdevCollector, coreContext({ 'collector.netdev.address-info': true }));
    expect(family(fams, 'node_network_address_info').samples).toContainEqual({
      suffix: '', value: 1, labels: { device: 'lo', address: '127.0.0.1', netmask: '8', scope: 'link-local' },
    });
  });
});

describe('one read of /proc/stat per scrape', () => {
  it('cpu and stat share the read when they run in the same scrape', async () => {
    const { readProcFileOnce } = await import('../../src/context.js');
    const ctx = coreContext();
    const scrape = new AbortController().signal;
    const a = readProcFileOnce(ctx.proc('stat'), scrape);
    expect(readProcFileOnce(ctx.proc('stat'), scrape)).toBe(a);
    expect(readProcFileOnce(ctx.proc('stat'), new AbortController().signal)).not.toBe(a);
    expect(await a).toContain('btime 1764000000');
  });
});

describe('netdev modes', () => {
  it('--collector.netdev.enable-detailed-metrics reports the sysfs statistics under their detailed names', async () => {
    const fams = await run(netdevCollector, coreContext({ 'collector.netdev.enable-detailed-metrics': true, 'collector.netdev.device-include': '^eth1$' }));
    expect(value(fams, 'node_network_receive_missed_errors_total', { device: 'eth1' })).toBe(3);
    expect(value(fams, 'node_network_multicast_total', { device: 'eth1' })).toBe(12);
    expect(value(fams, 'node_network_transmit_packets_total', { device: 'eth1' })).toBe(33333);
    expect(value(fams, 'node_network_receive_nohandler_total', { device: 'eth1' })).toBe(0);
    expect(fams.some((f) => f.name === 'node_network_receive_drop_total')).toBe(false);
    expect(fams).toHaveLength(14);
  });

  it('--no-collector.netdev.netlink gives exactly the /proc/net/dev columns', async () => {
    const fams = await run(netdevCollector, coreContext({ 'collector.netdev.netlink': false }));
    expect(fams.some((f) => f.name === 'node_network_receive_nohandler_total')).toBe(false);
    expect(fams).toHaveLength(16);
  });
});
