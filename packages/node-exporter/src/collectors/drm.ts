import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText, parseUintAttr } from '../sysfs/attributes.js';
import { listFeatureDir, mapLimit, readAttr, readAttrs } from '../read/index.js';

/** [device attribute, metric, help] of amdgpu cards; absent attributes read as 0, as procfs's struct has them. */
const AMDGPU_VALUES: ReadonlyArray<readonly [string, string, string]> = [
  ['gpu_busy_percent', 'node_drm_gpu_busy_percent', 'GPU utilisation in percent.'],
  ['mem_info_gtt_total', 'node_drm_memory_gtt_size_bytes', 'Size of the graphics translation table (GTT) in bytes.'],
  ['mem_info_gtt_used', 'node_drm_memory_gtt_used_bytes', 'GTT in use, in bytes.'],
  ['mem_info_vis_vram_total', 'node_drm_memory_vis_vram_size_bytes', 'CPU-visible VRAM in bytes.'],
  ['mem_info_vis_vram_used', 'node_drm_memory_vis_vram_used_bytes', 'CPU-visible VRAM in use, in bytes.'],
  ['mem_info_vram_total', 'node_drm_memory_vram_size_bytes', 'VRAM in bytes.'],
  ['mem_info_vram_used', 'node_drm_memory_vram_used_bytes', 'VRAM in use, in bytes.'],
];
const TEXT = ['mem_info_vram_vendor', 'power_dpm_force_performance_level', 'unique_id'] as const;

/** AMD GPU (amdgpu driver) utilisation and memory from /sys/class/drm/cardN/device. */
export const drmCollector: Collector<NodeContext> = {
  name: 'drm',
  help: 'AMD GPU statistics from /sys/class/drm.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const base = ctx.target.sys('class', 'drm');
    const cards = (await listFeatureDir(base, 'drm')).filter((e) => /^card\d+$/.test(e));
    const stats = await mapLimit(cards, 4, async (card) => {
      const device = join(base, card, 'device');
      // The driver is named in the device's uevent (DRIVER=amdgpu), as procfs reads it.
      const uevent = await readAttr(join(device, 'uevent'), ctx.signal);
      if (uevent === undefined || !/^DRIVER=amdgpu$/m.test(uevent)) return undefined;
      return { card, f: await readAttrs(device, [...AMDGPU_VALUES.map(([a]) => a), ...TEXT], ctx.signal, true) };
    });
    for (const s of stats) {
      if (!s) continue;
      const text = (k: string): string => (s.f[k] === undefined ? '' : attrText(s.f[k] as string));
      out.gauge('node_drm_card_info', 'Identity of the GPU; always 1.', 1, {
        card: s.card,
        memory_vendor: text('mem_info_vram_vendor'),
        power_performance_level: text('power_dpm_force_performance_level'),
        unique_id: text('unique_id'),
        vendor: 'amd',
      });
      for (const [attr, name, help] of AMDGPU_VALUES) {
        const raw = s.f[attr];
        out.gauge(name, help, raw === undefined ? 0 : parseUintAttr(raw, `${s.card}/device/${attr}`), { card: s.card });
      }
    }
  },
};
