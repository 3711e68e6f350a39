import type { FlagSpec } from '@scrapekit/exporter-kit';

/**
 * Option flags of the collectors in collectors/registry-more.ts, under node_exporter's names
 * and defaults so existing command lines keep working. Regex flags are unanchored, as
 * node_exporter applies them, except the systemd unit filters, which it wraps in ^(?:…)$.
 */
export const moreFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.hwmon.chip-include', description: 'Regexp of hwmon chips to report (mutually exclusive with chip-exclude).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.chip-exclude', description: 'Regexp of hwmon chips to leave out (mutually exclusive with chip-include).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.sensor-include', description: 'Regexp of "<chip>;<sensor>" pairs to report (mutually exclusive with sensor-exclude).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.sensor-exclude', description: 'Regexp of "<chip>;<sensor>" pairs to leave out (mutually exclusive with sensor-include).', default: '' },
  { kind: 'regex', name: 'collector.netclass.ignored-devices', description: 'Regexp of network devices the netclass collector leaves out.', default: '^$' },
  { name: 'collector.netclass.ignore-invalid-speed', kind: 'boolean', description: 'Leave out node_network_speed_bytes for devices reporting an invalid (negative) speed.', default: false },
  { kind: 'regex', name: 'collector.arp.device-include', description: 'Regexp of ARP devices to report (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.arp.device-exclude', description: 'Regexp of ARP devices to leave out (mutually exclusive with device-include).', default: '' },
  {
    name: 'collector.arp.netlink',
    kind: 'boolean',
    description: 'Accepted for node_exporter compatibility; this exporter always reads /proc/net/arp (the 1.5.0 behaviour).',
    default: true,
  },
  { kind: 'regex', name: 'collector.powersupply.ignored-supplies', description: 'Regexp of power supplies the powersupplyclass collector leaves out.', default: '^$' },
  { kind: 'regex', anchor: 'full', name: 'collector.systemd.unit-include', description: 'Regexp of systemd units to report (anchored, as in node_exporter).', default: '.+',
    deprecatedAliases: ['collector.systemd.unit-whitelist'] },
  {
    name: 'collector.systemd.unit-exclude',
    kind: 'regex',
    anchor: 'full',
    description: 'Regexp of systemd units to leave out (anchored, as in node_exporter).',
    default: '.+\\.(automount|device|mount|scope|slice)',
    deprecatedAliases: ['collector.systemd.unit-blacklist'],
  },
  { name: 'collector.systemd.enable-task-metrics', kind: 'boolean', description: 'Export node_systemd_unit_tasks_current/_max.', default: false },
  { name: 'collector.systemd.enable-restarts-metrics', kind: 'boolean', description: 'Export node_systemd_service_restart_total.', default: false },
  { name: 'collector.systemd.enable-start-time-metrics', kind: 'boolean', description: 'Export node_systemd_unit_start_time_seconds.', default: false },
  { kind: 'regex', name: 'collector.interrupts.name-include', description: 'Regexp of "<type>;<info>;<devices>" interrupts to report (mutually exclusive with name-exclude).', default: '' },
  { kind: 'regex', name: 'collector.interrupts.name-exclude', description: 'Regexp of "<type>;<info>;<devices>" interrupts to leave out (mutually exclusive with name-include).', default: '' },
  { name: 'collector.interrupts.include-zeros', kind: 'boolean', description: 'Also report interrupt counters that are zero.', default: true },
  { kind: 'regex', name: 'collector.infiniband.device-include', description: 'Regexp of InfiniBand devices to report (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.infiniband.device-exclude', description: 'Regexp of InfiniBand devices to leave out (mutually exclusive with device-include).', default: '' },
  {
    name: 'collector.ipvs.backend-labels',
    description: 'Comma-separated labels of the node_ipvs_backend_* series; real servers alike under the chosen labels are summed.',
    default: 'local_address,local_port,remote_address,remote_port,proto,local_mark',
    placeholder: '<labels>',
  },
  { kind: 'regex', name: 'collector.tapestats.ignored-devices', description: 'Regexp of tape devices the tapestats collector leaves out.', default: '^$' },
  { name: 'collector.bcache.priorityStats', kind: 'boolean', description: 'Expose the bcache priority_stats metrics (expensive: the kernel walks every bucket).', default: false },
  { name: 'collector.sysctl.include', kind: 'list', description: 'Numeric sysctl to export, as <name>[:<field>,<field>…] (repeatable).', placeholder: '<sysctl>' },
  { name: 'collector.sysctl.include-info', kind: 'list', description: 'Text sysctl to export as node_sysctl_info labels (repeatable).', placeholder: '<sysctl>' },
  { kind: 'regex', name: 'collector.slabinfo.slabs-include', description: 'Regexp of slab caches to report.', default: '.*' },
  { kind: 'regex', name: 'collector.slabinfo.slabs-exclude', description: 'Regexp of slab caches to leave out.', default: '' },
  { name: 'collector.rapl.enable-zone-label', kind: 'boolean', description: 'Export node_rapl_joules_total with a rapl_zone label instead of one node_rapl_<zone>_joules_total family per zone.', default: false },
];
