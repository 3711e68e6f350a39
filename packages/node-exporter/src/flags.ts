import type { FlagSpec } from '@scrapekit/exporter-kit';
import { moreFlags } from './flags-more.js';
import { networkFlags } from './flags-network.js';
import { ignoredFlags } from './ignored-flags.js';

/*
 * Flag names and defaults are node_exporter's (1.5.0, the version this package is measured
 * against), so existing systemd units and Helm values keep working unchanged. Regex flags take
 * Go RE2 syntax and apply it as node_exporter does (unanchored, like MatchString, unless noted);
 * the kit compiles each once at start-up. Deprecated spellings node_exporter still accepts are
 * declared as deprecatedAliases and map onto their replacements with one warning.
 */

export const DISKSTATS_DEVICE_EXCLUDE = '^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$';
export const FILESYSTEM_MOUNT_POINTS_EXCLUDE =
  '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)';
export const FILESYSTEM_FS_TYPES_EXCLUDE =
  '^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$';
export const NETSTAT_FIELDS =
  '^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$';
export const VMSTAT_FIELDS = '^(oom_kill|pgpg|pswp|pg.*fault).*';

export const coreFlags: readonly FlagSpec[] = [
  { name: 'path.procfs', description: 'procfs mountpoint.', default: '/proc', placeholder: '<dir>' },
  { name: 'path.sysfs', description: 'sysfs mountpoint.', default: '/sys', placeholder: '<dir>' },
  { name: 'path.rootfs', description: 'rootfs mountpoint (prefix for statfs and os-release, stripped from reported mount points).', default: '/', placeholder: '<dir>' },
  { name: 'path.udev.data', description: 'udev data path.', default: '/run/udev/data', placeholder: '<dir>' },
  { name: 'collector.cpu.guest', kind: 'boolean', description: 'Export node_cpu_guest_seconds_total.', default: true },
  { name: 'collector.cpu.info', kind: 'boolean', description: 'Export node_cpu_info from /proc/cpuinfo.', default: false },
  { kind: 'regex', name: 'collector.cpu.info.flags-include', description: 'Regexp of /proc/cpuinfo flags to export as node_cpu_flag_info (turns on --collector.cpu.info).', default: '' },
  { kind: 'regex', name: 'collector.cpu.info.bugs-include', description: 'Regexp of /proc/cpuinfo bugs to export as node_cpu_bug_info (turns on --collector.cpu.info).', default: '' },
  { kind: 'regex', name: 'collector.diskstats.device-exclude', description: 'Regexp of block devices to leave out (mutually exclusive with device-include).', default: DISKSTATS_DEVICE_EXCLUDE,
    deprecatedAliases: ['collector.diskstats.ignored-devices'] },
  { kind: 'regex', name: 'collector.diskstats.device-include', description: 'Regexp of block devices to report; all others are left out.', default: '',
    excludeFlag: 'collector.diskstats.device-exclude' },
  { kind: 'regex', name: 'collector.filesystem.mount-points-exclude', description: 'Regexp of mount points the filesystem collector leaves out.', default: FILESYSTEM_MOUNT_POINTS_EXCLUDE,
    deprecatedAliases: ['collector.filesystem.ignored-mount-points'] },
  { kind: 'regex', name: 'collector.filesystem.mount-points-include', description: 'Regexp of mount points to report; all others are left out (replaces the exclude default).', default: '',
    excludeFlag: 'collector.filesystem.mount-points-exclude' },
  { kind: 'regex', name: 'collector.filesystem.fs-types-exclude', description: 'Regexp of filesystem types the filesystem collector leaves out.', default: FILESYSTEM_FS_TYPES_EXCLUDE,
    deprecatedAliases: ['collector.filesystem.ignored-fs-types'] },
  { kind: 'regex', name: 'collector.filesystem.fs-types-include', description: 'Regexp of filesystem types to report; all others are left out (replaces the exclude default).', default: '',
    excludeFlag: 'collector.filesystem.fs-types-exclude' },
  { name: 'collector.filesystem.mount-timeout', kind: 'duration', description: 'How long to wait for a statfs answer before reporting the mount with device_error and skipping it until it answers.', default: '5s' },
  { name: 'collector.filesystem.stat-workers', kind: 'number', description: 'Concurrent statfs calls (each holds a libuv thread while it waits).', default: 2 },
  { kind: 'regex', name: 'collector.netdev.device-include', description: 'Regexp of network devices to report (mutually exclusive with device-exclude).', default: '',
    excludeFlag: 'collector.netdev.device-exclude', deprecatedAliases: ['collector.netdev.device-whitelist'] },
  { kind: 'regex', name: 'collector.netdev.device-exclude', description: 'Regexp of network devices to leave out (mutually exclusive with device-include).', default: '',
    deprecatedAliases: ['collector.netdev.device-blacklist'] },
  { name: 'collector.netdev.netlink', kind: 'boolean', description: 'Report the counters node_exporter reads over netlink (adds receive_nohandler from sysfs); --no-collector.netdev.netlink gives the plain /proc/net/dev set.', default: true },
  { name: 'collector.netdev.enable-detailed-metrics', kind: 'boolean', description: 'Report every /sys/class/net/<dev>/statistics counter under its detailed name instead of the /proc/net/dev set.', default: false },
  { name: 'collector.netdev.address-info', kind: 'boolean', description: 'Export node_network_address_info for every address of every device.', default: false },
  { kind: 'regex', name: 'collector.netstat.fields', description: 'Regexp of /proc/net/{netstat,snmp,snmp6} fields to export.', default: NETSTAT_FIELDS },
  { name: 'collector.stat.softirq', kind: 'boolean', description: 'Export node_softirqs_total per softirq vector.', default: false },
  { name: 'collector.textfile.directory', kind: 'list', description: 'Directory (glob allowed, repeatable) of *.prom files to merge into the output.', default: [], placeholder: '<dir>' },
  { kind: 'regex', name: 'collector.vmstat.fields', description: 'Regexp of /proc/vmstat fields to export.', default: VMSTAT_FIELDS },
];

/** Every exporter-specific flag: ours, the ones of the "more" collectors, the netlink/ioctl ones and the accepted-and-ignored ones. */
export const nodeFlags: readonly FlagSpec[] = [...coreFlags, ...moreFlags, ...networkFlags, ...ignoredFlags];
