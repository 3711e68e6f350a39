import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSwaps } from '../procfs/swaps.js';
import { readFeatureFile } from '../read/index.js';

/** Swap areas (partitions, files, zram) from /proc/swaps. */
export const swapCollector: Collector<NodeContext> = {
  name: 'swap',
  help: 'Swap device statistics from /proc/swaps.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const s of parseSwaps(await readFeatureFile(ctx.target.proc('swaps'), ctx.signal, 'swap'))) {
      const l = { device: s.device, type: s.type };
      out.gauge('node_swap_size_bytes', 'Size of the swap area in bytes.', s.sizeKiB * 1024, l);
      out.gauge('node_swap_used_bytes', 'Swap area in use, in bytes.', s.usedKiB * 1024, l);
      out.gauge('node_swap_priority', 'Priority of the swap area.', s.priority, l);
    }
  },
};
