import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { abbreviationFor, parseTzifFooter, type ZoneAbbreviations } from '../rootfs/tzif.js';
import { parseClocksourceList } from '../sysfs/clocksource.js';
import { listDir, mapLimit, readAttr } from '../read/index.js';

export const timeCollector: Collector<NodeContext> = {
  name: 'time',
  help: 'System time, time zone offset and clock sources.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const now = new Date();
    out.gauge('node_time_seconds', 'System time in seconds since the Unix epoch.', now.getTime() / 1000);
    const offset = -now.getTimezoneOffset() * 60;
    // Node fixes its time zone at start-up, so the zone's names are learned once as well.
    const zone = await ctx.target.state('time.zone', () => localZone());
    out.gauge('node_time_zone_offset_seconds', 'Offset of the local time zone from UTC, in seconds.', offset, {
      time_zone: zone ? abbreviationFor(zone, offset) : timeZoneAbbreviation(now),
    });
    await clocksources(ctx.target, out, ctx.signal);
  },
};

/** The zone file Go would read: $TZ (a zoneinfo name or path) or /etc/localtime; undefined for UTC or unreadable. */
async function localZone(): Promise<ZoneAbbreviations | undefined> {
  const tz = process.env.TZ;
  if (tz === '' || tz === 'UTC') return undefined;
  const name = tz?.replace(/^:/, '');
  const file = name === undefined ? '/etc/localtime' : name.startsWith('/') ? name : join('/usr/share/zoneinfo', name);
  try {
    return parseTzifFooter(await readFile(file));
  } catch {
    return undefined;
  }
}

/**
 * Fallback when no zone file can be read: 'UTC' at offset 0 (what Go reports when it has no zone
 * file), otherwise a numeric name such as '+0130'. Deliberately not Intl.DateTimeFormat: loading
 * ICU's time-zone data costs about 8 MB of resident memory on every host.
 */
export function timeZoneAbbreviation(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

async function clocksources(t: NodeContext, out: MetricSink, signal: AbortSignal): Promise<void> {
  const base = t.sys('devices', 'system', 'clocksource');
  const devices = ((await listDir(base)) ?? []).filter((d) => /^clocksource\d+$/.test(d));
  const rows = await mapLimit(devices, 4, async (dir) => {
    const [available, current] = await Promise.all([
      readAttr(join(base, dir, 'available_clocksource'), signal),
      readAttr(join(base, dir, 'current_clocksource'), signal),
    ]);
    return { device: dir.slice('clocksource'.length), available, current };
  });
  for (const r of rows) {
    for (const cs of parseClocksourceList(r.available ?? '')) {
      out.gauge('node_time_clocksource_available_info', 'Clock source the kernel can use for this device.', 1, { device: r.device, clocksource: cs });
    }
    const current = r.current?.trim();
    if (current) out.gauge('node_time_clocksource_current_info', 'Clock source in use for this device.', 1, { device: r.device, clocksource: current });
  }
}
