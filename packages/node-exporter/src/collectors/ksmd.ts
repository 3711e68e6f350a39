import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseIntAttr } from '../sysfs/attributes.js';
import { listFeatureDir, readAttrs } from '../read/index.js';

/** [file, metric, help, scale, counter?] of /sys/kernel/mm/ksm. */
const KSM_FILES: ReadonlyArray<readonly [string, string, string, number, boolean]> = [
  ['full_scans', 'node_ksmd_full_scans_total', 'Full scans of mergeable memory done by ksmd.', 1, true],
  ['merge_across_nodes', 'node_ksmd_merge_across_nodes', 'Whether pages of different NUMA nodes may be merged.', 1, false],
  ['pages_shared', 'node_ksmd_pages_shared', 'Shared pages in use.', 1, false],
  ['pages_sharing', 'node_ksmd_pages_sharing', 'Sites sharing the shared pages (pages saved).', 1, false],
  ['pages_to_scan', 'node_ksmd_pages_to_scan', 'Pages ksmd scans before sleeping.', 1, false],
  ['pages_unshared', 'node_ksmd_pages_unshared', 'Unique pages checked repeatedly for merging.', 1, false],
  ['pages_volatile', 'node_ksmd_pages_volatile', 'Pages changing too fast to be merged.', 1, false],
  ['run', 'node_ksmd_run', 'ksmd run state (0 stopped, 1 running, 2 unmerge).', 1, false],
  ['sleep_millisecs', 'node_ksmd_sleep_seconds', 'Seconds ksmd sleeps between batches.', 1e-3, false],
  ['general_profit', 'node_ksmd_general_profit_bytes', 'Memory saved by KSM minus its metadata cost, in bytes.', 1, false],
];

/** Kernel same-page merging (KSM) state from /sys/kernel/mm/ksm. */
export const ksmdCollector: Collector<NodeContext> = {
  name: 'ksmd',
  help: 'Kernel same-page merging statistics from /sys/kernel/mm/ksm.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const dir = ctx.target.sys('kernel', 'mm', 'ksm');
    await listFeatureDir(dir, 'ksmd');
    const f = await readAttrs(dir, KSM_FILES.map(([file]) => file), ctx.signal);
    for (const [file, name, help, scale, isCounter] of KSM_FILES) {
      const raw = f[file];
      // general_profit appeared in kernel 6.1; older kernels simply lack it.
      if (raw === undefined) continue;
      const v = parseIntAttr(raw, join('ksm', file)) * scale;
      if (isCounter) out.counter(name, help, v);
      else out.gauge(name, help, v);
    }
  },
};
