import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseMdstat } from '../procfs/mdstat.js';
import { readTextIfExists } from '../read/index.js';

const STATES = ['active', 'inactive', 'recovering', 'resync', 'check'] as const;

export const mdadmCollector: Collector<NodeContext> = {
  name: 'mdadm',
  help: 'Software RAID (md) arrays from /proc/mdstat.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const text = await readTextIfExists(ctx.target.proc('mdstat'), ctx.signal);
    if (text === undefined) throw new NoDataError('no /proc/mdstat (md driver not loaded)');
    for (const md of parseMdstat(text)) {
      const device = md.name;
      out.gauge('node_md_disks_required', 'Member disks the array is built for.', md.disksTotal, { device });
      const disks = 'Member disks of the array by state.';
      out.gauge('node_md_disks', disks, md.disksActive, { device, state: 'active' });
      out.gauge('node_md_disks', disks, md.disksFailed, { device, state: 'failed' });
      out.gauge('node_md_disks', disks, md.disksSpare, { device, state: 'spare' });
      for (const state of STATES) {
        out.gauge('node_md_state', 'Array state: 1 for the current one.', md.state === state ? 1 : 0, { device, state });
      }
      out.gauge('node_md_blocks', 'Size of the array in 1 KiB blocks.', md.blocksTotal, { device });
      out.gauge('node_md_blocks_synced', 'Blocks already synced while the array resyncs or recovers (all when idle).', md.blocksSynced, { device });
    }
  },
};
