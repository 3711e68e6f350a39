import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText } from '../sysfs/attributes.js';
import { listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

const FILES = ['serial', 'model', 'state', 'firmware_rev', 'cntlid'] as const;

/** NVMe controller identity and state from /sys/class/nvme. */
export const nvmeCollector: Collector<NodeContext> = {
  name: 'nvme',
  help: 'NVMe controller information from /sys/class/nvme.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('class', 'nvme');
    const entries = await listFeatureDir(base, 'nvme');
    const devices = entries.filter((e) => /^nvme\d+$/.test(e));
    const infos = await mapLimit(devices, 4, async (device) => ({ device, f: await readAttrs(join(base, device), FILES, ctx.signal, true) }));
    for (const { device, f } of infos) {
      const t = (k: (typeof FILES)[number]): string => (f[k] === undefined ? '' : attrText(f[k] as string));
      out.gauge('node_nvme_info', 'NVMe controller identity and state as labels; always 1.', 1, {
        device,
        firmware_revision: t('firmware_rev'),
        model: t('model'),
        serial: t('serial'),
        state: t('state'),
        cntlid: t('cntlid'),
      });
    }
  },
};
