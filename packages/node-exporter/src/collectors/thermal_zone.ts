import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseCoolingDevice, parseThermalZone, type CoolingDevice, type ThermalZone } from '../sysfs/thermal.js';
import { listFeatureDir, mapLimit, READ_CONCURRENCY, readAttrs } from '../read/index.js';

/** Thermal zone temperatures and cooling device states from /sys/class/thermal. */
export const thermalZoneCollector: Collector<NodeContext> = {
  name: 'thermal_zone',
  help: 'Thermal zone temperatures and cooling device states from /sys/class/thermal.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('class', 'thermal');
    const entries = await listFeatureDir(base, 'thermal_zone');
    const zoneDirs = entries.filter((e) => /^thermal_zone\d+$/.test(e));
    const coolDirs = entries.filter((e) => /^cooling_device\d+$/.test(e));

    // A zone whose sensor cannot be read right now (EINVAL/EAGAIN from the driver) is skipped, not fatal.
    const zones = await mapLimit(zoneDirs, READ_CONCURRENCY, async (dir): Promise<ThermalZone | undefined> => {
      const a = await readAttrs(join(base, dir), ['type', 'temp'] as const, ctx.signal);
      if (a.type === undefined || a.temp === undefined) return undefined;
      return parseThermalZone(dir, a.type, a.temp);
    });
    const devices = await mapLimit(coolDirs, READ_CONCURRENCY, async (dir): Promise<CoolingDevice | undefined> => {
      const a = await readAttrs(join(base, dir), ['type', 'cur_state', 'max_state'] as const, ctx.signal);
      if (a.type === undefined || a.cur_state === undefined || a.max_state === undefined) return undefined;
      return parseCoolingDevice(dir, a.type, a.cur_state, a.max_state);
    });

    for (const z of zones) {
      if (!z) continue;
      out.gauge('node_thermal_zone_temp', 'Temperature of the thermal zone in degrees Celsius.', z.celsius, { zone: z.zone, type: z.type });
    }
    for (const d of devices) {
      if (!d) continue;
      const l = { name: d.name, type: d.type };
      out.gauge('node_cooling_device_cur_state', 'Current throttle state of the cooling device.', d.curState, l);
      out.gauge('node_cooling_device_max_state', 'Highest throttle state the cooling device supports.', d.maxState, l);
    }
  },
};
