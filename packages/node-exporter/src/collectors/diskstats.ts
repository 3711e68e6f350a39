import { join } from 'node:path';
import { flagFilter, type Collector, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseDiskstats, type DiskStatsLine } from '../procfs/diskstats.js';
import { parseUdevProperties } from '../sysfs/udev.js';
import { mapLimit, readProcFile, readTextIfExists } from '../read/index.js';

export const DISKSTATS_DEVICE_EXCLUDE =
  '^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$';
/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const diskstatsFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.diskstats.device-exclude', description: 'Regexp of block devices to leave out (mutually exclusive with device-include).', default: DISKSTATS_DEVICE_EXCLUDE,
    deprecatedAliases: ['collector.diskstats.ignored-devices'] },
  { kind: 'regex', name: 'collector.diskstats.device-include', description: 'Regexp of block devices to report; all others are left out.', default: '',
    excludeFlag: 'collector.diskstats.device-exclude' },
];

const SECTOR_BYTES = 512;

type Kind = 'counter' | 'gauge';
/** /proc/diskstats columns in order: name, type, help, scale (ms → s, sectors → bytes). */
const COLUMNS: ReadonlyArray<readonly [string, Kind, string, number]> = [
  ['node_disk_reads_completed_total', 'counter', 'Reads completed.', 1],
  ['node_disk_reads_merged_total', 'counter', 'Adjacent reads merged.', 1],
  ['node_disk_read_bytes_total', 'counter', 'Bytes read.', SECTOR_BYTES],
  ['node_disk_read_time_seconds_total', 'counter', 'Seconds spent by all reads.', 0.001],
  ['node_disk_writes_completed_total', 'counter', 'Writes completed.', 1],
  ['node_disk_writes_merged_total', 'counter', 'Adjacent writes merged.', 1],
  ['node_disk_written_bytes_total', 'counter', 'Bytes written.', SECTOR_BYTES],
  ['node_disk_write_time_seconds_total', 'counter', 'Seconds spent by all writes.', 0.001],
  ['node_disk_io_now', 'gauge', 'I/Os currently in progress.', 1],
  ['node_disk_io_time_seconds_total', 'counter', 'Seconds the device spent doing I/O.', 0.001],
  ['node_disk_io_time_weighted_seconds_total', 'counter', 'I/O time weighted by the number of I/Os in progress, in seconds.', 0.001],
  ['node_disk_discards_completed_total', 'counter', 'Discards completed.', 1],
  ['node_disk_discards_merged_total', 'counter', 'Adjacent discards merged.', 1],
  ['node_disk_discarded_sectors_total', 'counter', 'Sectors discarded.', 1],
  ['node_disk_discard_time_seconds_total', 'counter', 'Seconds spent by all discards.', 0.001],
  ['node_disk_flush_requests_total', 'counter', 'Flush requests completed.', 1],
  ['node_disk_flush_requests_time_seconds_total', 'counter', 'Seconds spent by all flush requests.', 0.001],
];

export const diskstatsCollector: Collector<NodeContext> = {
  name: 'diskstats',
  flags: diskstatsFlags,
  help: 'Block device I/O statistics from /proc/diskstats, with udev device properties.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    // An include pattern replaces the default exclude (settled at start-up by the kit).
    const filter = flagFilter(t.flags, { include: 'collector.diskstats.device-include', exclude: 'collector.diskstats.device-exclude' });
    const disks = parseDiskstats(await readProcFile(t.proc('diskstats'), ctx.signal))
      .filter((d) => !filter.ignored(d.device));
    const udev = await mapLimit(disks, 8, (d) => readUdev(t, d, ctx.signal));
    disks.forEach((d, i) => emitDisk(out, d, udev[i] as ReadonlyMap<string, string>));
  },
};

async function readUdev(t: NodeContext, d: DiskStatsLine, signal: AbortSignal): Promise<ReadonlyMap<string, string>> {
  try {
    const text = await readTextIfExists(join(t.udevData, `b${d.major}:${d.minor}`), signal);
    return text === undefined ? new Map() : parseUdevProperties(text);
  } catch {
    // udev data only enriches labels; an unreadable entry must not fail the disk's counters.
    return new Map();
  }
}

function emitDisk(out: MetricSink, d: DiskStatsLine, udev: ReadonlyMap<string, string>): void {
  const device = d.device;
  const prop = (k: string): string => udev.get(k) ?? '';
  out.gauge('node_disk_info', 'Block device identity from /proc/diskstats and udev.', 1, {
    device,
    major: String(d.major),
    minor: String(d.minor),
    path: prop('ID_PATH'),
    wwn: prop('ID_WWN'),
    model: prop('ID_MODEL'),
    serial: prop('SCSI_IDENT_SERIAL') || prop('ID_SERIAL_SHORT'),
    revision: prop('ID_REVISION'),
  });
  d.stats.forEach((v, i) => {
    const col = COLUMNS[i];
    if (!col) return;
    const [name, kind, help, scale] = col;
    if (kind === 'counter') out.counter(name, help, v * scale, { device });
    else out.gauge(name, help, v * scale, { device });
  });
  if (prop('ID_FS_TYPE') !== '') {
    out.gauge('node_disk_filesystem_info', 'Filesystem found on the block device by udev.', 1, {
      device, type: prop('ID_FS_TYPE'), usage: prop('ID_FS_USAGE'), uuid: prop('ID_FS_UUID'), version: prop('ID_FS_VERSION'),
    });
  }
  if (prop('DM_NAME') !== '') {
    out.gauge('node_disk_device_mapper_info', 'Device-mapper identity of the block device.', 1, {
      device, name: prop('DM_NAME'), uuid: prop('DM_UUID'), vg_name: prop('DM_VG_NAME'), lv_name: prop('DM_LV_NAME'), lv_layer: prop('DM_LV_LAYER'),
    });
  }
  const ata: ReadonlyArray<readonly [string, string, string]> = [
    ['ID_ATA_WRITE_CACHE', 'node_disk_ata_write_cache', 'Whether the ATA drive has a write cache.'],
    ['ID_ATA_WRITE_CACHE_ENABLED', 'node_disk_ata_write_cache_enabled', 'Whether the ATA drive write cache is enabled.'],
    ['ID_ATA_ROTATION_RATE_RPM', 'node_disk_ata_rotation_rate_rpm', 'Rotation rate of the ATA drive (0 for solid state).'],
  ];
  for (const [key, name, help] of ata) {
    const raw = udev.get(key);
    if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) continue;
    out.gauge(name, help, Number(raw), { device });
  }
}
