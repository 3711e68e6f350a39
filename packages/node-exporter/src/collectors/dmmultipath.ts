import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText, parseUintAttr } from '../sysfs/attributes.js';
import { listDir, listFeatureDir, mapLimit, readAttr, readAttrs } from '../read/index.js';

/** A path is healthy when its SCSI device is "running" or its NVMe controller "live". */
export function isPathActive(state: string): boolean {
  return state === 'running' || state === 'live';
}

/** Device-mapper multipath devices (dm uuid "mpath-…") and the state of their paths, from /sys/block. */
export const dmmultipathCollector: Collector<NodeContext> = {
  name: 'dmmultipath',
  help: 'DM-multipath devices and path states from /sys/block/dm-*.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const block = ctx.target.sys('block');
    const entries = await listFeatureDir(block, 'dmmultipath');
    const dms = entries.filter((e) => /^dm-\d+$/.test(e));
    const devices = await mapLimit(dms, 4, async (sysfsName) => {
      const dm = await readAttrs(join(block, sysfsName, 'dm'), ['uuid', 'name', 'suspended'] as const, ctx.signal);
      if (dm.uuid === undefined || !attrText(dm.uuid).startsWith('mpath-')) return undefined;
      const size = await readAttr(join(block, sysfsName, 'size'), ctx.signal);
      const slaves = (await listDir(join(block, sysfsName, 'slaves'))) ?? [];
      const paths = await mapLimit(slaves, 4, async (p) => ({ device: p, state: attrText((await readAttr(join(block, p, 'device', 'state'), ctx.signal)) ?? '') }));
      return {
        sysfsName,
        name: attrText(dm.name ?? ''),
        uuid: attrText(dm.uuid),
        active: attrText(dm.suspended ?? '0') !== '1',
        sizeBytes: size === undefined ? 0 : parseUintAttr(size, `${sysfsName}/size`) * 512,
        paths,
      };
    });
    for (const d of devices) {
      if (!d) continue;
      const l = { device: d.name, sysfs_name: d.sysfsName };
      out.gauge('node_dmmultipath_device_info', 'Identity of the multipath device; always 1.', 1, { ...l, uuid: d.uuid });
      out.gauge('node_dmmultipath_device_active', 'Whether the multipath device is active (1) or suspended (0).', d.active ? 1 : 0, l);
      out.gauge('node_dmmultipath_device_size_bytes', 'Size of the multipath device in bytes.', d.sizeBytes, l);
      const active = d.paths.filter((p) => isPathActive(p.state)).length;
      for (const p of d.paths) out.gauge('node_dmmultipath_path_state', 'State of the path device; always 1, the state is the label.', 1, { device: d.name, path: p.device, state: p.state });
      out.gauge('node_dmmultipath_device_paths', 'Paths of the multipath device.', d.paths.length, l);
      out.gauge('node_dmmultipath_device_paths_active', 'Paths in an active state (SCSI running, NVMe live).', active, l);
      out.gauge('node_dmmultipath_device_paths_failed', 'Paths not in an active state.', d.paths.length - active, l);
    }
  },
};
