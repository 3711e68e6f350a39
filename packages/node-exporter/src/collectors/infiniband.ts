import { join } from 'node:path';
import { ignoredByFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText } from '../sysfs/attributes.js';
import { IB_COUNTERS, parseIbCounter, parseIbRate, parseIbStateId } from '../sysfs/infiniband.js';
import { listDir, listFeatureDir, mapLimit, readAttrs } from '../read/index.js';
import { naturalCompare } from '../natural-compare.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const infinibandFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.infiniband.device-include', description: 'Regexp of InfiniBand devices to report (mutually exclusive with device-exclude).', default: '' },
  { kind: 'regex', name: 'collector.infiniband.device-exclude', description: 'Regexp of InfiniBand devices to leave out (mutually exclusive with device-include).', default: '' },
];

const PORT_FILES = ['state', 'phys_state', 'rate', ...IB_COUNTERS.map(([f]) => f)];

/** InfiniBand HCA identity and per-port state, rate and traffic counters from /sys/class/infiniband. */
export const infinibandCollector: Collector<NodeContext> = {
  name: 'infiniband',
  flags: infinibandFlags,
  help: 'InfiniBand port statistics from /sys/class/infiniband.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const exclude = t.regex('collector.infiniband.device-exclude');
    const include = t.regex('collector.infiniband.device-include');
    const base = t.sys('class', 'infiniband');
    const entries = await listFeatureDir(base, 'infiniband');
    for (const device of entries.filter((d) => !ignoredByFilter(d, include, exclude))) {
      const dir = join(base, device);
      const id = await readAttrs(dir, ['board_id', 'fw_ver', 'hca_type'] as const, ctx.signal, true);
      const text = (v: string | undefined): string => (v === undefined ? '' : attrText(v));
      out.gauge('node_infiniband_info', 'Identity of the InfiniBand HCA; always 1.', 1, {
        device,
        board_id: text(id.board_id),
        firmware_version: text(id.fw_ver),
        hca_type: text(id.hca_type),
      });
      const ports = ((await listDir(join(dir, 'ports'))) ?? []).sort(naturalCompare);
      const portData = await mapLimit(ports, 4, async (port) => ({ port, f: await readAttrs(join(dir, 'ports', port), PORT_FILES, ctx.signal, true) }));
      for (const { port, f } of portData) {
        const l = { device, port };
        if (f.state !== undefined) out.gauge('node_infiniband_state_id', 'Logical state of the port (4 = active).', parseIbStateId(f.state), l);
        if (f.phys_state !== undefined) out.gauge('node_infiniband_physical_state_id', 'Physical state of the port (5 = link up).', parseIbStateId(f.phys_state), l);
        if (f.rate !== undefined) out.gauge('node_infiniband_rate_bytes_per_second', 'Signalling rate of the port in bytes per second.', parseIbRate(f.rate), l);
        for (const [file, suffix, mult] of IB_COUNTERS) {
          const raw = f[file];
          const v = raw === undefined ? undefined : parseIbCounter(raw);
          if (v !== undefined) out.counter(`node_infiniband_${suffix}`, `InfiniBand port counter ${file}.`, v * mult, l);
        }
      }
    }
  },
};
