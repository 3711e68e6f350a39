import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseUintAttr } from '../sysfs/attributes.js';
import { listDir, listFeatureDir, mapLimit, readAttrs } from '../read/index.js';
import { naturalCompare } from '../natural-compare.js';

async function requiredCounts<K extends string>(dir: string, names: readonly K[], signal: AbortSignal): Promise<Record<K, number>> {
  const raw = await readAttrs(dir, names, signal);
  const out = {} as Record<K, number>;
  for (const n of names) {
    const text = raw[n];
    if (text === undefined) throw new Error(`${dir}/${n} missing`);
    out[n] = parseUintAttr(text, `${dir}/${n}`);
  }
  return out;
}

/** Memory controller error counters (EDAC) from /sys/devices/system/edac/mc. */
export const edacCollector: Collector<NodeContext> = {
  name: 'edac',
  help: 'Correctable and uncorrectable memory errors from /sys/devices/system/edac/mc.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('devices', 'system', 'edac', 'mc');
    const entries = await listFeatureDir(base, 'edac');
    const controllers = entries.filter((e) => /^mc\d+$/.test(e)).sort(naturalCompare);
    const results = await mapLimit(controllers, 4, async (mc) => {
      const dir = join(base, mc);
      const counts = await requiredCounts(dir, ['ce_count', 'ce_noinfo_count', 'ue_count', 'ue_noinfo_count'] as const, ctx.signal);
      const csrows = ((await listDir(dir)) ?? []).filter((e) => /^csrow\d+$/.test(e)).sort(naturalCompare);
      const rows = await mapLimit(csrows, 4, async (row) => ({ row: row.slice(5), c: await requiredCounts(join(dir, row), ['ce_count', 'ue_count'] as const, ctx.signal) }));
      return { controller: mc.slice(2), counts, rows };
    });
    for (const { controller, counts, rows } of results) {
      out.counter('node_edac_correctable_errors_total', 'Correctable memory errors seen by the controller.', counts.ce_count, { controller });
      out.counter('node_edac_uncorrectable_errors_total', 'Uncorrectable memory errors seen by the controller.', counts.ue_count, { controller });
      // Errors the controller could not attribute to a csrow are reported under csrow="unknown".
      const ceRow = 'Correctable memory errors of the csrow.';
      const ueRow = 'Uncorrectable memory errors of the csrow.';
      out.counter('node_edac_csrow_correctable_errors_total', ceRow, counts.ce_noinfo_count, { controller, csrow: 'unknown' });
      out.counter('node_edac_csrow_uncorrectable_errors_total', ueRow, counts.ue_noinfo_count, { controller, csrow: 'unknown' });
      for (const { row, c } of rows) {
        out.counter('node_edac_csrow_correctable_errors_total', ceRow, c.ce_count, { controller, csrow: row });
        out.counter('node_edac_csrow_uncorrectable_errors_total', ueRow, c.ue_count, { controller, csrow: row });
      }
    }
  },
};
