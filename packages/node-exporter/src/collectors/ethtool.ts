import { flagFilter, NoDataError, type Collector, type Logger, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import { readdir } from 'node:fs/promises';
import type { NodeContext } from '../context.js';
import type { DriverInfo, LinkSettings } from '../ethtool/commands.js';
import { ASYM_PAUSE_BIT, AUTONEG_BIT, hasBit, PAUSE_BIT, PORT_BITS, SPEED_MODES } from '../ethtool/link-modes.js';
import { ethtoolMetricName, FIXED_STAT_NAMES, sanitizeStatName } from '../ethtool/stat-names.js';
import { EOPNOTSUPP, EthtoolError, EthtoolSocket } from '../syscall/ethtool-ioctl.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const ethtoolFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.ethtool.device-include', description: 'Regexp of devices to ask ethtool about (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.ethtool.device-exclude', description: 'Regexp of devices not to ask ethtool about (mutually exclusive with device-include).', default: '' },
  { kind: 'regex', name: 'collector.ethtool.metrics-include', description: 'Regexp of ethtool statistic names (after sanitising) to report.', default: '.*' },
];

/** The three SIOCETHTOOL questions asked per device; each throws (EthtoolError) when refused. */
export interface EthtoolQueries {
  linkSettings(device: string): LinkSettings;
  driverInfo(device: string): DriverInfo;
  statistics(device: string): Map<string, number>;
  close(): void;
}

const BYTES_PER_MEGABIT = 1_000_000 / 8;

/** node_exporter's rule: a driver without the command is debug; any other refusal an error line; the device goes on. */
function logRefusal(logger: Logger, what: string, device: string, err: unknown): void {
  const fields = { device, err: err instanceof Error ? err.message : String(err) };
  if (err instanceof EthtoolError && err.errno === EOPNOTSUPP) logger.debug(`ethtool ${what} error`, fields);
  else logger.error(`ethtool ${what} error`, fields);
}

function attempt<T>(logger: Logger, what: string, device: string, ask: () => T): T | undefined {
  try {
    return ask();
  } catch (err) {
    logRefusal(logger, what, device, err);
    return undefined;
  }
}

function linkMetrics(out: MetricSink, device: string, link: LinkSettings): void {
  for (const [prefix, mask] of [['supported', link.supported], ['advertised', link.advertising]] as const) {
    for (const m of SPEED_MODES) {
      if (!hasBit(mask, m.bit)) continue;
      out.gauge(`node_network_${prefix}_speed_bytes`, `Link speeds the device ${prefix === 'supported' ? 'can use' : 'offers its peer'}, in bytes per second, by duplex and mode.`,
        m.megabits * BYTES_PER_MEGABIT, { device, duplex: m.duplex, mode: `${m.megabits}base${m.phy}` });
    }
    if (prefix === 'supported') {
      for (const [type, bit] of PORT_BITS) {
        if (hasBit(mask, bit)) out.gauge('node_network_supported_port_info', 'Port or PHY types the device supports, value 1.', 1, { device, type });
      }
    }
    const verb = prefix === 'supported' ? 'supports' : 'advertises';
    out.gauge(`node_network_autonegotiate_${prefix}`, `1 if the device ${verb} autonegotiation.`, hasBit(mask, AUTONEG_BIT) ? 1 : 0, { device });
    out.gauge(`node_network_pause_${prefix}`, `1 if the device ${verb} pause frames.`, hasBit(mask, PAUSE_BIT) ? 1 : 0, { device });
    out.gauge(`node_network_asymmetricpause_${prefix}`, `1 if the device ${verb} asymmetric pause frames.`, hasBit(mask, ASYM_PAUSE_BIT) ? 1 : 0, { device });
  }
  out.gauge('node_network_autonegotiate', '1 if the device is autonegotiating its link.', link.autonegotiation, { device });
}

/**
 * The statistics whose sanitised name passes `include`, under node_exporter's names; two
 * statistics that map to one name are both left out (logged at debug), as node_exporter does.
 */
function statisticMetrics(out: MetricSink, logger: Logger, device: string, stats: Map<string, number>, include: RegExp | undefined): void {
  const byName = new Map<string, { stat: string; value: number } | undefined>();
  for (const [raw, value] of stats) {
    const stat = sanitizeStatName(raw);
    if (include !== undefined && !include.test(stat)) continue;
    const name = ethtoolMetricName(stat);
    if (byName.has(name)) {
      logger.debug('dropping duplicate metric name', { device, metric: name, stat1: byName.get(name)?.stat ?? '', stat2: stat });
      byName.set(name, undefined);
    } else {
      byName.set(name, { stat, value });
    }
  }
  for (const [name, entry] of byName) {
    if (entry === undefined) continue;
    out.untyped(FIXED_STAT_NAMES.get(entry.stat) ?? name, `Driver statistic ${entry.stat} of the network device (ethtool -S).`, entry.value, { device });
  }
}

/** Asks the kernel through `open()`; tests hand in their own queries. */
export function ethtoolCollectorFrom(open: () => Promise<EthtoolQueries>): Collector<NodeContext> {
  return {
    name: 'ethtool',
    flags: ethtoolFlags,
    help: 'Driver info, link modes and driver statistics of each network device (SIOCETHTOOL).',
    defaultEnabled: false,
    async collect(ctx, out) {
      const t = ctx.target;
      let devices: string[];
      try {
        // Entries other than regular files (bonding_masters is one), as procfs's NetClassDevices.
        devices = (await readdir(t.sys('class', 'net'), { withFileTypes: true })).filter((e) => !e.isFile()).map((e) => e.name).sort();
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') throw new NoDataError(`cannot list network devices: ${code}`);
        throw err;
      }
      if (devices.length === 0) throw new Error('no network devices found');
      const filter = flagFilter(t.flags, { include: 'collector.ethtool.device-include', exclude: 'collector.ethtool.device-exclude' });
      const include = t.regex('collector.ethtool.metrics-include');
      const log = ctx.logger;
      const queries = await open();
      try {
        for (const device of devices) {
          if (filter.ignored(device)) continue;
          const link = attempt(log, 'link info', device, () => queries.linkSettings(device));
          if (link) linkMetrics(out, device, link);
          const info = attempt(log, 'driver info', device, () => queries.driverInfo(device));
          if (info) {
            out.gauge('node_ethtool_info', 'Driver of the network device (value 1): name, version, firmware, bus address and expansion ROM version.', 1, {
              bus_info: info.busInfo, device, driver: info.driver, expansion_rom_version: info.expansionRomVersion, firmware_version: info.firmwareVersion, version: info.version,
            });
          }
          const stats = attempt(log, 'stats', device, () => queries.statistics(device));
          if (stats && stats.size > 0) statisticMetrics(out, log, device, stats, include);
        }
      } finally {
        queries.close();
      }
    },
  };
}

export const ethtoolCollector = ethtoolCollectorFrom(() => EthtoolSocket.open());
