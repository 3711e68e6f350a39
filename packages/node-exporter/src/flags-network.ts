import type { FlagSpec } from '@scrapekit/exporter-kit';

/**
 * Option flags of the collectors that ask the kernel over netlink and ioctl (qdisc, ethtool,
 * wifi), under node_exporter's names and defaults. Regex flags are unanchored, as node_exporter
 * applies them.
 */
export const networkFlags: readonly FlagSpec[] = [
  { name: 'collector.qdisc.fixtures', description: 'Directory with a results.json of qdisc records to report instead of the kernel\'s (node_exporter\'s end-to-end test input).', default: '', placeholder: '<dir>' },
  { kind: 'regex', name: 'collector.qdisc.device-include', description: 'Regexp of devices whose qdisc to report (mutually exclusive with device-exclude).', default: '',
    excludeFlag: 'collector.qdisc.device-exclude', deprecatedAliases: ['collector.qdisk.device-include'] },
  { kind: 'regex', name: 'collector.qdisc.device-exclude', description: 'Regexp of devices whose qdisc to leave out (mutually exclusive with device-include).', default: '',
    deprecatedAliases: ['collector.qdisk.device-exclude'] },
  { kind: 'regex', name: 'collector.ethtool.device-include', description: 'Regexp of devices to ask ethtool about (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.ethtool.device-exclude', description: 'Regexp of devices not to ask ethtool about (mutually exclusive with device-include).', default: '' },
  { kind: 'regex', name: 'collector.ethtool.metrics-include', description: 'Regexp of ethtool statistic names (after sanitising) to report.', default: '.*' },
  { name: 'collector.wifi.fixtures', description: 'Directory with interfaces.json and <device>/{bss,stationinfo}.json to report instead of the kernel\'s nl80211 data (node_exporter\'s end-to-end test input).', default: '', placeholder: '<dir>' },
];
