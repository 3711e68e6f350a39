import { join } from 'node:path';
import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { POWER_SUPPLY_NUMERIC, POWER_SUPPLY_TEXT, parsePowerSupply } from '../sysfs/power-supply.js';
import { listDir, listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const powersupplyclassFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.powersupply.ignored-supplies', description: 'Regexp of power supplies the powersupplyclass collector leaves out.', default: '^$' },
];

/** Batteries, AC adapters and UPS power supplies from /sys/class/power_supply. */
export const powerSupplyClassCollector: Collector<NodeContext> = {
  name: 'powersupplyclass',
  flags: powersupplyclassFlags,
  help: 'Power supply (battery, AC, UPS) state from /sys/class/power_supply.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const ignored = ctx.target.regex('collector.powersupply.ignored-supplies');
    const base = ctx.target.sys('class', 'power_supply');
    const entries = await listFeatureDir(base, 'powersupplyclass');
    const supplies = entries.filter((e) => !(ignored?.test(e) ?? false));
    const parsed = await mapLimit(supplies, 4, async (name) => {
      const present = new Set((await listDir(join(base, name))) ?? []);
      const wanted = [...POWER_SUPPLY_NUMERIC.map(([f]) => f), ...POWER_SUPPLY_TEXT].filter((f) => present.has(f));
      return parsePowerSupply(name, await readAttrs(join(base, name), wanted, ctx.signal, true));
    });
    for (const ps of parsed) {
      for (const [suffix, v] of ps.values) {
        out.gauge(`node_power_supply_${suffix}`, `Power supply attribute behind ${suffix}.`, v, { power_supply: ps.name });
      }
      out.gauge('node_power_supply_info', 'Textual attributes of the power supply; always 1.', 1, ps.info);
    }
  },
};
