import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { WATCHDOG_NUMERIC, WATCHDOG_TEXT, parseWatchdog } from '../sysfs/watchdog.js';
import { listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

const FILES = [...WATCHDOG_NUMERIC.map(([f]) => f), ...WATCHDOG_TEXT];

/** Hardware watchdog devices from /sys/class/watchdog. */
export const watchdogCollector: Collector<NodeContext> = {
  name: 'watchdog',
  help: 'Watchdog device state from /sys/class/watchdog.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('class', 'watchdog');
    const entries = await listFeatureDir(base, 'watchdog');
    const devices = entries.filter((e) => /^watchdog\d+$/.test(e));
    const stats = await mapLimit(devices, 4, async (name) => ({ name, s: parseWatchdog(name, await readAttrs(join(base, name), FILES, ctx.signal, true)) }));
    for (const { name, s } of stats) {
      out.gauge('node_watchdog_info', 'Textual properties of the watchdog device; always 1.', 1, { name, ...s.info });
      for (const [file, metric, help] of WATCHDOG_NUMERIC) {
        const v = s.numbers.get(file);
        if (v !== undefined) out.gauge(metric, help, v, { name });
      }
    }
  },
};
