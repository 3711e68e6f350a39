import { ConfigError } from '@scrapekit/exporter-kit';
import type { FlagSpec, FlagValues } from '@scrapekit/exporter-kit';
import { moreFlags } from './flags-more.js';
import { ignoredFlags } from './ignored-flags.js';
import { ntpFlags } from './ntp/options.js';
import { perfFlags } from './perf/options.js';

/*
 * Flag names and defaults are node_exporter's (1.5.0, the version this package is measured
 * against), so existing systemd units and Helm values keep working unchanged.
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
  { name: 'collector.cpu.info.flags-include', description: 'Regexp of /proc/cpuinfo flags to export as node_cpu_flag_info (turns on --collector.cpu.info).', default: '', placeholder: '<regex>' },
  { name: 'collector.cpu.info.bugs-include', description: 'Regexp of /proc/cpuinfo bugs to export as node_cpu_bug_info (turns on --collector.cpu.info).', default: '', placeholder: '<regex>' },
  { name: 'collector.diskstats.device-exclude', description: 'Regexp of block devices to leave out (mutually exclusive with device-include).', default: DISKSTATS_DEVICE_EXCLUDE, placeholder: '<regex>' },
  { name: 'collector.diskstats.device-include', description: 'Regexp of block devices to report; all others are left out.', default: '', placeholder: '<regex>' },
  { name: 'collector.filesystem.mount-points-exclude', description: 'Regexp of mount points the filesystem collector leaves out.', default: FILESYSTEM_MOUNT_POINTS_EXCLUDE, placeholder: '<regex>' },
  { name: 'collector.filesystem.mount-points-include', description: 'Regexp of mount points to report; all others are left out (replaces the exclude default).', default: '', placeholder: '<regex>' },
  { name: 'collector.filesystem.fs-types-exclude', description: 'Regexp of filesystem types the filesystem collector leaves out.', default: FILESYSTEM_FS_TYPES_EXCLUDE, placeholder: '<regex>' },
  { name: 'collector.filesystem.fs-types-include', description: 'Regexp of filesystem types to report; all others are left out (replaces the exclude default).', default: '', placeholder: '<regex>' },
  { name: 'collector.filesystem.mount-timeout', description: 'How long to wait for a statfs answer before reporting the mount with device_error and skipping it until it answers.', default: '5s', placeholder: '<duration>' },
  { name: 'collector.filesystem.stat-workers', kind: 'number', description: 'Concurrent statfs calls (each holds a libuv thread while it waits).', default: 2 },
  { name: 'collector.netdev.device-include', description: 'Regexp of network devices to report (mutually exclusive with device-exclude).', default: '', placeholder: '<regex>' },
  { name: 'collector.netdev.device-exclude', description: 'Regexp of network devices to leave out (mutually exclusive with device-include).', default: '', placeholder: '<regex>' },
  { name: 'collector.netdev.netlink', kind: 'boolean', description: 'Report the counters node_exporter reads over netlink (adds receive_nohandler from sysfs); --no-collector.netdev.netlink gives the plain /proc/net/dev set.', default: true },
  { name: 'collector.netdev.enable-detailed-metrics', kind: 'boolean', description: 'Report every /sys/class/net/<dev>/statistics counter under its detailed name instead of the /proc/net/dev set.', default: false },
  { name: 'collector.netdev.address-info', kind: 'boolean', description: 'Export node_network_address_info for every address of every device.', default: false },
  { name: 'collector.netstat.fields', description: 'Regexp of /proc/net/{netstat,snmp,snmp6} fields to export.', default: NETSTAT_FIELDS, placeholder: '<regex>' },
  { name: 'collector.stat.softirq', kind: 'boolean', description: 'Export node_softirqs_total per softirq vector.', default: false },
  { name: 'collector.textfile.directory', kind: 'list', description: 'Directory (glob allowed, repeatable) of *.prom files to merge into the output.', default: [], placeholder: '<dir>' },
  // Deprecated spellings node_exporter still accepts (hidden there); mapped onto the new flags at start-up.
  { name: 'collector.diskstats.ignored-devices', description: 'Deprecated: use --collector.diskstats.device-exclude.', default: '', placeholder: '<regex>' },
  { name: 'collector.filesystem.ignored-mount-points', description: 'Deprecated: use --collector.filesystem.mount-points-exclude.', default: '', placeholder: '<regex>' },
  { name: 'collector.filesystem.ignored-fs-types', description: 'Deprecated: use --collector.filesystem.fs-types-exclude.', default: '', placeholder: '<regex>' },
  { name: 'collector.netdev.device-blacklist', description: 'Deprecated: use --collector.netdev.device-exclude.', default: '', placeholder: '<regex>' },
  { name: 'collector.netdev.device-whitelist', description: 'Deprecated: use --collector.netdev.device-include.', default: '', placeholder: '<regex>' },
  { name: 'collector.vmstat.fields', description: 'Regexp of /proc/vmstat fields to export.', default: VMSTAT_FIELDS, placeholder: '<regex>' },
];

/** [deprecated flag, its replacement]. */
export const DEPRECATED_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['collector.diskstats.ignored-devices', 'collector.diskstats.device-exclude'],
  ['collector.filesystem.ignored-mount-points', 'collector.filesystem.mount-points-exclude'],
  ['collector.filesystem.ignored-fs-types', 'collector.filesystem.fs-types-exclude'],
  ['collector.netdev.device-blacklist', 'collector.netdev.device-exclude'],
  ['collector.netdev.device-whitelist', 'collector.netdev.device-include'],
];

/**
 * Applies deprecated flags to their replacements, as node_exporter does (with a warning), so
 * old systemd units keep their filters. Returns the flags to use and one message per flag used.
 */
export function applyDeprecatedFlags(flags: FlagValues): { flags: FlagValues; warnings: string[] } {
  const out: Record<string, FlagValues[string]> = { ...flags };
  const warnings: string[] = [];
  for (const [old, replacement] of DEPRECATED_FLAGS) {
    const v = flags[old];
    if (typeof v !== 'string' || v === '') continue;
    out[replacement] = v;
    warnings.push(`--${old} is deprecated and will be removed; use --${replacement}`);
  }
  return { flags: out, warnings };
}

/** Every exporter-specific flag: ours and the ones of the "more" collectors. */
export const nodeFlags: readonly FlagSpec[] = [...coreFlags, ...moreFlags, ...ntpFlags, ...perfFlags, ...ignoredFlags];

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|s|m|h)/g;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration ('5s', '1m30s', '250ms') into milliseconds; ConfigError names the flag. */
export function parseGoDuration(flagName: string, text: string): number {
  const compact = text.trim();
  let total = 0;
  let consumed = 0;
  for (const m of compact.matchAll(DURATION_PART)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    consumed += m[0].length;
  }
  if (compact === '' || consumed !== compact.length) {
    throw new ConfigError(`--${flagName}: invalid duration ${JSON.stringify(text)}; use a Go duration such as 5s or 500ms`);
  }
  return total;
}
