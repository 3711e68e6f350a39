/**
 * Every raw node_* family the node-mixin (prometheus/node_exporter docs/node-mixin) reads on
 * Linux: alerts/alerts.libsonnet, rules/rules.libsonnet, dashboards/use.libsonnet and
 * lib/prom-mixin.libsonnet. Taken from the reference notes (../shared/reference/node_exporter.md
 * §3.1, 45 Linux families) and checked against those upstream files with the search tool
 * (alerts incl. NodeCPUHighUsage … NodeBondingDegraded; the memory-utilisation rule's
 * MemAvailable-or-Buffers+Cached+MemFree+Slab fallback; the Nodes dashboard's disk, network,
 * load and uname queries).
 *
 * `labels` are the label names the mixin's queries select or group by, `values` the label values
 * they select on: a family with the right name but the wrong labels breaks the mixin as surely as
 * a missing one. `type` is node_exporter's.
 *
 * `source` says where the test proves the family is emitted:
 *  - host: a default scrape of ours on the machine running the test (real /proc, /sys);
 *  - fixtures: our fixture tree (test/fixtures), because the family needs hardware a typical CI
 *    or VM host lacks (bonded NICs, md RAID arrays);
 *  - systemd: --collector.systemd (+ enable-restarts-metrics); on a host not booted with
 *    systemd, the collector is run against a stand-in systemctl (see the test).
 *
 * Darwin/AIX-only families the mixin's other dashboards use (node_memory_total_bytes,
 * _internal_, _purgeable_, _wired_, _compressed_, _available_bytes) are not Linux names and are
 * not listed here.
 */

export type MixinUse = 'alerts' | 'rules' | 'dashboards';

export interface MixinFamily {
  readonly name: string;
  readonly usedBy: readonly MixinUse[];
  readonly collector: string;
  readonly type: 'counter' | 'gauge' | 'untyped';
  readonly labels?: readonly string[];
  readonly values?: Readonly<Record<string, readonly string[]>>;
  readonly source: 'host' | 'fixtures' | 'systemd';
}

const FS_LABELS = ['device', 'fstype', 'mountpoint'];

export const MIXIN_FAMILIES: readonly MixinFamily[] = [
  { name: 'node_bonding_active', usedBy: ['alerts'], collector: 'bonding', type: 'gauge', labels: ['master'], source: 'fixtures' },
  { name: 'node_bonding_slaves', usedBy: ['alerts'], collector: 'bonding', type: 'gauge', labels: ['master'], source: 'fixtures' },
  { name: 'node_cpu_seconds_total', usedBy: ['alerts', 'rules', 'dashboards'], collector: 'cpu', type: 'counter', labels: ['cpu', 'mode'], values: { mode: ['idle', 'iowait', 'steal'] }, source: 'host' },
  { name: 'node_disk_io_time_seconds_total', usedBy: ['rules', 'dashboards'], collector: 'diskstats', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_disk_io_time_weighted_seconds_total', usedBy: ['alerts', 'rules'], collector: 'diskstats', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_disk_read_bytes_total', usedBy: ['dashboards'], collector: 'diskstats', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_disk_written_bytes_total', usedBy: ['dashboards'], collector: 'diskstats', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_exporter_build_info', usedBy: ['dashboards'], collector: '(exporter)', type: 'gauge', source: 'host' },
  { name: 'node_filefd_allocated', usedBy: ['alerts'], collector: 'filefd', type: 'gauge', source: 'host' },
  { name: 'node_filefd_maximum', usedBy: ['alerts'], collector: 'filefd', type: 'gauge', source: 'host' },
  { name: 'node_filesystem_avail_bytes', usedBy: ['alerts', 'dashboards'], collector: 'filesystem', type: 'gauge', labels: FS_LABELS, source: 'host' },
  { name: 'node_filesystem_files', usedBy: ['alerts'], collector: 'filesystem', type: 'gauge', labels: FS_LABELS, source: 'host' },
  { name: 'node_filesystem_files_free', usedBy: ['alerts'], collector: 'filesystem', type: 'gauge', labels: FS_LABELS, source: 'host' },
  { name: 'node_filesystem_readonly', usedBy: ['alerts'], collector: 'filesystem', type: 'gauge', labels: FS_LABELS, source: 'host' },
  { name: 'node_filesystem_size_bytes', usedBy: ['alerts', 'dashboards'], collector: 'filesystem', type: 'gauge', labels: FS_LABELS, source: 'host' },
  { name: 'node_load1', usedBy: ['alerts', 'rules', 'dashboards'], collector: 'loadavg', type: 'gauge', source: 'host' },
  { name: 'node_load5', usedBy: ['dashboards'], collector: 'loadavg', type: 'gauge', source: 'host' },
  { name: 'node_load15', usedBy: ['dashboards'], collector: 'loadavg', type: 'gauge', source: 'host' },
  { name: 'node_md_disks', usedBy: ['alerts'], collector: 'mdadm', type: 'gauge', labels: ['device', 'state'], values: { state: ['active', 'failed'] }, source: 'fixtures' },
  { name: 'node_md_disks_required', usedBy: ['alerts'], collector: 'mdadm', type: 'gauge', labels: ['device'], source: 'fixtures' },
  { name: 'node_memory_Buffers_bytes', usedBy: ['rules', 'dashboards'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_memory_Cached_bytes', usedBy: ['rules', 'dashboards'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_memory_MemAvailable_bytes', usedBy: ['alerts', 'rules', 'dashboards'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_memory_MemFree_bytes', usedBy: ['rules', 'dashboards'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_memory_MemTotal_bytes', usedBy: ['alerts', 'rules', 'dashboards'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_memory_Slab_bytes', usedBy: ['rules'], collector: 'meminfo', type: 'gauge', source: 'host' },
  { name: 'node_network_receive_bytes_total', usedBy: ['rules', 'dashboards'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_receive_drop_total', usedBy: ['rules'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_receive_errs_total', usedBy: ['alerts'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_receive_packets_total', usedBy: ['alerts'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_transmit_bytes_total', usedBy: ['rules', 'dashboards'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_transmit_drop_total', usedBy: ['rules'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_transmit_errs_total', usedBy: ['alerts'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_network_transmit_packets_total', usedBy: ['alerts'], collector: 'netdev', type: 'counter', labels: ['device'], source: 'host' },
  { name: 'node_nf_conntrack_entries', usedBy: ['alerts'], collector: 'conntrack', type: 'gauge', source: 'host' },
  { name: 'node_nf_conntrack_entries_limit', usedBy: ['alerts'], collector: 'conntrack', type: 'gauge', source: 'host' },
  { name: 'node_systemd_service_restart_total', usedBy: ['alerts'], collector: 'systemd', type: 'counter', labels: ['name'], source: 'systemd' },
  { name: 'node_systemd_unit_state', usedBy: ['alerts'], collector: 'systemd', type: 'gauge', labels: ['name', 'state', 'type'], values: { state: ['failed'] }, source: 'systemd' },
  { name: 'node_textfile_scrape_error', usedBy: ['alerts'], collector: 'textfile', type: 'gauge', source: 'host' },
  { name: 'node_time_seconds', usedBy: ['dashboards'], collector: 'time', type: 'gauge', source: 'host' },
  { name: 'node_timex_maxerror_seconds', usedBy: ['alerts'], collector: 'timex', type: 'gauge', source: 'host' },
  { name: 'node_timex_offset_seconds', usedBy: ['alerts'], collector: 'timex', type: 'gauge', source: 'host' },
  { name: 'node_timex_sync_status', usedBy: ['alerts'], collector: 'timex', type: 'gauge', source: 'host' },
  { name: 'node_uname_info', usedBy: ['dashboards'], collector: 'uname', type: 'gauge', labels: ['sysname'], source: 'host' },
  { name: 'node_vmstat_pgmajfault', usedBy: ['alerts', 'rules'], collector: 'vmstat', type: 'untyped', source: 'host' },
];
