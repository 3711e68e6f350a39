/**
 * What the oracle test compares and every deliberate exception, each with its reason.
 * An entry here is a decision: add one only with a reason a reviewer can check.
 */
import { existsSync } from 'node:fs';
import type { OracleRules } from './compare.js';

/**
 * The collectors both exporters run in the oracle test: every collector registered in both,
 * except those that cannot give comparable output on this host (listed with the reason).
 */
export function oracleCollectors(ours: Map<string, boolean>, go: Map<string, boolean>): string[] {
  const skipped = new Map<string, string>();
  // systemd needs a running systemd (D-Bus for node_exporter, systemctl for ours); container
  // hosts have none, and then neither emits anything. The mixin test then checks the systemd
  // families against a stand-in systemctl.
  if (!existsSync('/run/systemd/system')) skipped.set('systemd', 'systemd is not running on this host');
  return [...ours.keys()].filter((c) => go.has(c) && !skipped.has(c)).sort();
}

/**
 * On the fixture tree, collectors the two cannot agree on: node_exporter asks the live host
 * whatever --path.* says, or 1.5.0 cannot read part of the fixture tree. Each is still compared
 * in the host run.
 */
export const NOT_COMPARABLE_ON_FIXTURES: Readonly<Record<string, string>> = {
  time: 'clock_gettime and the host time zone',
  timex: 'adjtimex(2)',
  uname: 'node_exporter calls uname(2); ours reads the same fields from <procfs>/sys/kernel',
  selinux: 'node_exporter asks libselinux about the host',
  systemd: 'D-Bus / systemctl of the host',
  netdev: 'node_exporter 1.5.0 reads interface counters over rtnetlink from the host kernel',
  tcpstat: 'node_exporter 1.5.0 counts TCP states over netlink (sock_diag) in the host kernel; ours reads <procfs>/net/tcp{,6}, pinned by the golden end-to-end test',
  // Fixture layout, not behaviour: these two are compared in the host run.
  filesystem: 'node_exporter 1.5.0 reads <procfs>/1/mounts; our fixture tree has only mountinfo (what 1.12 reads)',
  cpufreq: 'node_exporter 1.5.0 fails the whole collector without cpu*/cpufreq/related_cpus, which the fixture tree lacks for cpu3',
  perf: 'perf_event_open counts events of the host kernel, whatever --path.* says',
  processes: 'the fixture tree has a process whose stat file is empty (it exited mid-read); 1.5.0 fails the whole collector on it, ours skips that process',
};

/**
 * Passed to both exporters. Debian's package patches node_exporter's defaults (it excludes
 * /run, /mnt and /media mounts and the lo device); ours keeps upstream's. Setting upstream's
 * values explicitly on both makes the comparison about the collectors, not about packaging.
 */
export const SAME_FILTER_FLAGS: readonly string[] = [
  '--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)',
  '--collector.netdev.device-exclude=',
];

const MiB = 1024 * 1024;

/**
 * Options both exporters have that add families the defaults leave out, set on both so those
 * families are compared too (the values node_exporter's own end-to-end test uses where it has one).
 */
export const SAME_OPTION_FLAGS: readonly string[] = [
  '--collector.cpu.info',
  '--collector.cpu.info.flags-include=^(aes|avx.?|constant_tsc)$',
  '--collector.cpu.info.bugs-include=^(cpu_meltdown|spectre_.*|mds)$',
  '--collector.netdev.address-info',
  '--collector.stat.softirq',
  '--collector.bcache.priorityStats',
  '--collector.sysctl.include=fs.file-nr:total,current,max',
  '--collector.sysctl.include=kernel.threads-max',
  '--collector.sysctl.include-info=kernel.ostype',
  '--collector.systemd.enable-restarts-metrics',
  '--collector.systemd.enable-task-metrics',
  '--collector.systemd.enable-start-time-metrics',
];

export const ORACLE_RULES: OracleRules = {
  notCompared: [
    { family: /^(go|process|promhttp|nodejs)_/, reason: 'runtime self-metrics of the Go and Node.js processes: different runtimes, different names' },
    { family: /^node_scrape_collector_(duration_seconds|success)$/, reason: 'per-collector meta: durations differ by nature; success is checked in its own test' },
  ],
  onlyGo: [],
  // Families node_exporter added after 1.5.0 (present in 1.12, the release our reference notes
  // describe): emitting them changes nothing for a query written against 1.5.0.
  onlyOurs: [
    { family: /^node_btrfs_(commits_total|commit_seconds_total|last_commit_seconds|max_commit_seconds)$/, reason: 'btrfs commit statistics, node_exporter 1.12' },
    { family: /^node_fibrechannel_dumped_frames_total$/, reason: 'node_exporter 1.12 family' },
    { family: /^node_zfs_arc_memory_available_bytes$/, reason: 'ARC kstat field exported by node_exporter 1.12' },
    { family: /^node_ksmd_general_profit_bytes$/, reason: 'KSM profit (kernel 6.1+), exported by node_exporter 1.12' },
  ],
  onlyOursSeries: [
    { family: /^node_zfs_zpool_state$/, series: /state="suspended"/, reason: 'node_exporter 1.12 reports the suspended pool state too' },
  ],
  addedLabels: [
    { family: /^node_nvme_info$/, labels: ['cntlid'], reason: 'ours has the label set of node_exporter 1.12, which added cntlid (the controller id) after 1.5.0' },
  ],
  labelsDiffer: [
    {
      family: /^node_exporter_build_info$/,
      reason: 'version, revision and branch keep their meaning; goversion/goarch/goos/tags describe a Go build, ours has nodejs_version instead',
    },
  ],
  seriesDiffer: [
    // Only on hosts booted with systemd (CI runners): units start and stop between scrapes and
    // node_exporter reads them over D-Bus, ours through systemctl; families, types and label
    // names are still compared.
    { family: /^node_systemd_/, reason: 'unit sets change between scrapes' },
    { family: /^node_processes_(state|threads_state)$/, reason: 'a state (Z, D, ...) has a series only while some process is in it' },
    // Host run only (the fixture run allows no differing series): both read the live kernel.
    { family: /^node_tcp_connection_states$/, reason: 'transient TCP states (fin_wait1, close_wait, ...) appear and vanish between scrapes; label names are still compared' },
  ],
  oracleWrong: [
    {
      family: /^node_nfsd_requests_total$/,
      series: /method="Write",proto="4"/,
      reason: "1.5.0's procfs misreads the NFSv4 WRITE op (kernel op number 38 in proc4ops) as 0; ours reads the kernel's numbering",
    },
  ],
  volatile: [
    // Memory moves with every process on the host (this test's own worker included) between
    // the scrapes; the totals stay exact (they are not in this pattern) and catch unit errors.
    {
      family: /^node_memory_(?!(MemTotal|SwapTotal|CommitLimit|VmallocTotal|Hugepagesize)_bytes$|HugePages_Total$)/,
      reason: 'current memory use changes between scrapes',
      absolute: 256 * MiB,
      relative: 0.1,
    },
    { family: /^node_filesystem_(free_bytes|avail_bytes|files_free)$/, reason: 'free space and inodes move as anything on the host writes (size_bytes and files stay exact)', absolute: 1024 * MiB },
    { family: /^node_sysctl_fs_file_nr_(total|current)$/, reason: 'allocated file handles of every process (fs.file-nr), ours included', absolute: 1024, relative: 0.25 },
    { family: /^node_filefd_allocated$/, reason: 'open file handles of every process, ours included', absolute: 1024, relative: 0.25 },
    { family: /^node_procs_(running|blocked)$/, reason: 'runnable threads at the instant of the read; our own scrape threads count', absolute: 32 },
    { family: /^node_load(1|5|15)$/, reason: 'load averages are recomputed every 5 s', absolute: 2 },
    { family: /^node_sockstat_/, reason: 'sockets open on the host at the instant of the read', absolute: 64, relative: 0.25 },
    { family: /^node_netstat_Tcp_CurrEstab$/, reason: 'established TCP connections at the instant of the read (the scrapes themselves open some)', absolute: 32 },
    { family: /^node_nf_conntrack_entries$/, reason: 'tracked connections at the instant of the read', absolute: 64 },
    { family: /^node_arp_entries$/, reason: 'neighbour entries come and go', absolute: 4 },
    { family: /^node_entropy_available_bits$/, reason: 'the pool level moves (constant 256 on kernels from 5.18)', absolute: 4096 },
    { family: /^node_udp_queues$/, reason: 'socket queue bytes at the instant of the read', absolute: 4 * MiB },
    { family: /^node_timex_(offset_seconds|frequency_adjustment_ratio|estimated_error_seconds)$/, reason: 'the kernel clock discipline adjusts these continuously', absolute: 0.01, relative: 0.01 },
    { family: /^node_processes_(pids|threads)$/, reason: 'processes and threads come and go (the scrapes start threads)', absolute: 64, relative: 0.1 },
    { family: /^node_buddyinfo_blocks$/, reason: 'free page blocks per order change with every allocation', absolute: 256, relative: 0.5 },
    // Kernel allocator state: page and object counts move with every allocation on the host;
    // zone sizes and watermarks (present/spanned/managed, min/low/high, protection) stay exact.
    { family: /^node_slabinfo_(active_objects|objects)$/, reason: 'slab objects in use right now', absolute: 512, relative: 0.25 },
    { family: /^node_zoneinfo_nr_(?!.*_total$)/, reason: 'pages per state in each zone right now', absolute: 8192, relative: 0.2 },
    { family: /^node_cpu_(scaling_)?frequency_hertz$/, reason: 'current CPU frequency', relative: 0.5 },
    { family: /^node_disk_io_now$/, reason: 'I/Os in flight at the instant of the read', absolute: 64 },
    // Each exporter counts from when it opened its counters: node_exporter at start-up, ours at
    // its first scrape, so ours is the smaller count; series and label sets are still exact.
    { family: /^node_perf_/, reason: 'host-wide event counts since each exporter opened its counters', absolute: 64, relative: 1 },
    // Sensors: none on this VM, but CI runners and real hosts have them, and readings move.
    { family: /^node_hwmon_(temp_celsius|fan_rpm|in_volts|curr_amps|power_average_watt|power_watt)$/, reason: 'live sensor readings', absolute: 2, relative: 0.1 },
    { family: /^node_thermal_zone_temp$/, reason: 'live temperature', absolute: 2 },
    { family: /^node_cooling_device_cur_state$/, reason: 'fan/throttle state follows the temperature', absolute: 10 },
    { family: /^node_power_supply_(current_ampere|voltage_volt|power_watt|energy_watthour|charge_ampere|capacity)$/, reason: 'battery and supply readings move', absolute: 1, relative: 0.05 },
  ],
};

/**
 * On the fixture tree both exporters read the same files, so node_exporter's output is
 * deterministic there: no live-host tolerances and no series allowed to differ. Everything
 * else (families not compared, families a later release added, node_exporter 1.5.0's known
 * misreadings) is as on the host.
 */
export const FIXTURE_ORACLE_RULES: OracleRules = { ...ORACLE_RULES, volatile: [], seriesDiffer: [] };
