import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { XFS_FIELDS, parseXfsStats } from '../procfs/xfs.js';
import { listFeatureDir, mapLimit, readAttr } from '../read/index.js';

/** Per-filesystem XFS statistics from /sys/fs/xfs/<device>/stats/stats. */
export const xfsCollector: Collector<NodeContext> = {
  name: 'xfs',
  help: 'XFS runtime statistics from /sys/fs/xfs.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('fs', 'xfs');
    const entries = await listFeatureDir(base, 'xfs');
    // /sys/fs/xfs/stats is the global aggregate; the other directories are mounted devices.
    const devices = entries.filter((e) => e !== 'stats');
    const stats = await mapLimit(devices, 4, async (device) => ({ device, text: await readAttr(join(base, device, 'stats', 'stats'), ctx.signal) }));
    for (const { device, text } of stats) {
      if (text === undefined) continue;
      const s = parseXfsStats(text);
      for (const [tag, col, suffix] of XFS_FIELDS) {
        const v = s.get(tag)?.[col];
        if (v !== undefined) out.counter(`node_xfs_${suffix}`, `XFS statistic ${tag}[${col}].`, v, { device });
      }
    }
  },
};
