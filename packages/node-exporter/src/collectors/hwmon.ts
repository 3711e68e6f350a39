import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ignoredByFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { HWMON_SENSOR_TYPES, addSensorFile, cleanHwmonName, disambiguateChips, explodeSensorFileName, hwmonChipName, hwmonSamples, type SensorData } from '../sysfs/hwmon.js';
import { isMissing, listDir, listFeatureDir, mapLimit, READ_CONCURRENCY, readAttrLenient, readSysfsFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const hwmonFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.hwmon.chip-include', description: 'Regexp of hwmon chips to report (mutually exclusive with chip-exclude).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.chip-exclude', description: 'Regexp of hwmon chips to leave out (mutually exclusive with chip-include).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.sensor-include', description: 'Regexp of "<chip>;<sensor>" pairs to report (mutually exclusive with sensor-exclude).', default: '' },
  { kind: 'regex', name: 'collector.hwmon.sensor-exclude', description: 'Regexp of "<chip>;<sensor>" pairs to leave out (mutually exclusive with sensor-include).', default: '' },
];

async function resolveOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads every sensor file of one directory. Unreadable values are skipped, as node_exporter
 * does: a broken driver (EAGAIN, EIO) or a same-named subdirectory must not fail the chip.
 */
async function collectSensorFiles(dir: string, data: SensorData, signal: AbortSignal): Promise<void> {
  const files = await listDir(dir);
  if (files === undefined) return;
  const wanted = files.filter((f) => {
    const p = explodeSensorFileName(f);
    return p !== undefined && HWMON_SENSOR_TYPES.has(p.type);
  });
  const contents = await mapLimit(wanted, READ_CONCURRENCY, async (f) => {
    try {
      return await readSysfsFile(join(dir, f), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      return undefined;
    }
  });
  wanted.forEach((f, i) => {
    const c = contents[i];
    if (c !== undefined) addSensorFile(data, f, c);
  });
}

/** Hardware sensors (temperatures, voltages, fans, power) from /sys/class/hwmon, named like lm-sensors chips. */
export const hwmonCollector: Collector<NodeContext> = {
  name: 'hwmon',
  flags: hwmonFlags,
  help: 'Hardware monitoring sensors from /sys/class/hwmon.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const chipExclude = t.regex('collector.hwmon.chip-exclude');
    const chipInclude = t.regex('collector.hwmon.chip-include');
    const sensorExclude = t.regex('collector.hwmon.sensor-exclude');
    const sensorInclude = t.regex('collector.hwmon.sensor-include');
    const base = ctx.target.sys('class', 'hwmon');
    const entries = await listFeatureDir(base, 'hwmon');
    let lastError: unknown;
    // Pass 1: every chip's label, so colliding labels can be told apart before anything is emitted.
    const chips: Array<{ dir: string; device?: string; nameText?: string; base: string; entry: string }> = [];
    for (const entry of entries) {
      const dir = join(base, entry);
      if (!(await isDirectory(dir))) continue;
      try {
        const [resolvedDir, resolvedDevice, nameText] = await Promise.all([
          resolveOrUndefined(dir),
          resolveOrUndefined(join(dir, 'device')),
          readAttrLenient(join(dir, 'name'), ctx.signal),
        ]);
        const chip = hwmonChipName(resolvedDevice, nameText, resolvedDir ?? dir);
        if (chip === undefined) throw new Error(`cannot derive a chip name for ${dir}`);
        chips.push({ dir, device: resolvedDevice, nameText, base: chip, entry });
      } catch (err) {
        if (ctx.signal.aborted || !isMissing(err)) lastError = err;
      }
    }
    const labels = disambiguateChips(chips.map((c) => ({ base: c.base, name: cleanHwmonName(c.nameText ?? ''), dir: cleanHwmonName(c.entry) })));
    // Pass 2, chips one at a time: slow sensor buses (1-wire, I2C) must not be hammered in parallel.
    for (const [i, c] of chips.entries()) {
      const chip = labels[i] as string;
      if (ignoredByFilter(chip, chipInclude, chipExclude)) continue;
      try {
        const data: SensorData = new Map();
        await collectSensorFiles(c.dir, data, ctx.signal);
        if (c.device !== undefined) await collectSensorFiles(join(c.dir, 'device'), data, ctx.signal);
        if (c.nameText !== undefined) {
          const chipName = cleanHwmonName(c.nameText);
          if (chipName !== '') out.gauge('node_hwmon_chip_names', 'Human-readable chip name behind the chip label; always 1.', 1, { chip, chip_name: chipName });
        }
        for (const s of hwmonSamples(chip, data, (k) => ignoredByFilter(k, sensorInclude, sensorExclude))) {
          if (s.type === 'counter') out.counter(s.name, s.help, s.value, s.labels);
          else out.gauge(s.name, s.help, s.value, s.labels);
        }
      } catch (err) {
        if (ctx.signal.aborted || !isMissing(err)) lastError = err;
      }
    }
    // Like node_exporter: the other chips are still reported, but the collector is marked failed.
    if (lastError !== undefined) throw lastError;
  },
};
