import { join } from 'node:path';
import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseUintAttr } from '../sysfs/attributes.js';
import { listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const tapestatsFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.tapestats.ignored-devices', description: 'Regexp of tape devices the tapestats collector leaves out.', default: '^$' },
];

/** [stats file, metric, help, scale, counter?] */
const STATS: ReadonlyArray<readonly [string, string, string, number, boolean]> = [
  ['in_flight', 'node_tape_io_now', 'I/Os in flight on the tape drive.', 1, false],
  ['io_ns', 'node_tape_io_time_seconds_total', 'Seconds spent doing I/O.', 1e-9, true],
  ['other_cnt', 'node_tape_io_others_total', 'I/Os that were neither reads nor writes.', 1, true],
  ['read_byte_cnt', 'node_tape_read_bytes_total', 'Bytes read from tape.', 1, true],
  ['read_cnt', 'node_tape_reads_completed_total', 'Reads completed.', 1, true],
  ['read_ns', 'node_tape_read_time_seconds_total', 'Seconds spent reading.', 1e-9, true],
  ['resid_cnt', 'node_tape_residual_total', 'I/Os that ended with a residual count.', 1, true],
  ['write_byte_cnt', 'node_tape_written_bytes_total', 'Bytes written to tape.', 1, true],
  ['write_cnt', 'node_tape_writes_completed_total', 'Writes completed.', 1, true],
  ['write_ns', 'node_tape_write_time_seconds_total', 'Seconds spent writing.', 1e-9, true],
];

/** SCSI tape drive I/O statistics from /sys/class/scsi_tape/stN/stats. */
export const tapestatsCollector: Collector<NodeContext> = {
  name: 'tapestats',
  flags: tapestatsFlags,
  help: 'SCSI tape statistics from /sys/class/scsi_tape.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const ignored = ctx.target.regex('collector.tapestats.ignored-devices');
    const base = ctx.target.sys('class', 'scsi_tape');
    const entries = await listFeatureDir(base, 'tapestats');
    // st0 is the drive; the nst0/st0a/… variants are other device nodes of the same drive.
    const drives = entries.filter((e) => /^st\d+$/.test(e) && !(ignored?.test(e) ?? false));
    const data = await mapLimit(drives, 4, async (device) => ({ device, f: await readAttrs(join(base, device, 'stats'), STATS.map(([f]) => f), ctx.signal) }));
    for (const { device, f } of data) {
      for (const [file, name, help, scale, isCounter] of STATS) {
        const raw = f[file];
        if (raw === undefined) continue;
        const v = parseUintAttr(raw, `${device}/stats/${file}`) * scale;
        if (isCounter) out.counter(name, help, v, { device });
        else out.gauge(name, help, v, { device });
      }
    }
  },
};
