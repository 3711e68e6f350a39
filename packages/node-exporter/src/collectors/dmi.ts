import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { DMI_LABELS, dmiInfoLabels } from '../sysfs/dmi.js';
import { listDir, readAttrs } from '../read/index.js';

/**
 * Firmware/board identity from /sys/class/dmi/id. It cannot change without a reboot, so it is
 * read on the first scrape and kept (node_exporter reads it once at start-up too).
 */
export const dmiCollector: Collector<NodeContext> = {
  name: 'dmi',
  help: 'DMI (SMBIOS) firmware and board identity from /sys/class/dmi/id.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const cache = ctx.target.state<{ labels?: Record<string, string> | null }>('dmi', () => ({}));
    if (cache.labels === undefined) {
      const dir = ctx.target.sys('class', 'dmi', 'id');
      if ((await listDir(dir)) === undefined) {
        cache.labels = null;
      } else {
        const files = await readAttrs(dir, DMI_LABELS.map(([f]) => f), ctx.signal, true);
        cache.labels = dmiInfoLabels(files);
      }
    }
    if (cache.labels === null) throw new NoDataError('platform has no DMI information');
    out.gauge('node_dmi_info', 'DMI identity of the machine as labels; always 1.', 1, cache.labels);
  },
};
